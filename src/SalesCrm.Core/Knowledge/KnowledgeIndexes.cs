using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>Picks the <see cref="IKnowledgeIndex"/> of the context's database provider.</summary>
public static class KnowledgeIndexes
{
    public static IKnowledgeIndex For(CrmDbContext db) =>
        db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true ? SqliteKnowledgeIndex.Instance : PostgresKnowledgeIndex.Instance;
}
