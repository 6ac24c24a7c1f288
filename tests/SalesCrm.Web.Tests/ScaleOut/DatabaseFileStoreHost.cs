using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>A host with <c>Storage:Provider=Database</c> on a fresh database of the given provider.</summary>
public abstract class DatabaseFileStoreHost(TestProvider provider) : CrmAppFactory(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Storage:Provider", "Database")];
}

public sealed class SqliteDatabaseFileStoreHost() : DatabaseFileStoreHost(TestProvider.Sqlite);

public sealed class PostgresDatabaseFileStoreHost() : DatabaseFileStoreHost(TestProvider.Postgres);
