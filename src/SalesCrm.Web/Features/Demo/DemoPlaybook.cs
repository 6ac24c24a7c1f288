using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// The demo workspace's knowledge base: the pt-BR sales playbook in <c>Features/Demo/Playbook/*.md</c> (embedded in the
/// app), one document per file, published, chunked and indexed like any document.
/// </summary>
public static class DemoPlaybook
{
    private const string Prefix = "SalesCrm.Web.Features.Demo.Playbook.";

    /// <summary>The playbook's files: name and text.</summary>
    public static IEnumerable<(string Name, string Text)> Files()
    {
        var assembly = typeof(DemoPlaybook).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (resource[Prefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>Adds the playbook to the workspace unless it already has knowledge documents. Runs as the system (no member's capabilities).</summary>
    public static async Task SeedAsync(IServiceProvider sp, Guid tenantId, Guid? authorId, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        if (await db.KnowledgeDocuments.IgnoreQueryFilters().AnyAsync(d => d.TenantId == tenantId, ct)) return;
        var chunking = sp.GetRequiredService<IOptions<KnowledgeChunkerOptions>>().Value;
        var now = DateTime.UtcNow;
        foreach (var (name, text) in Files())
        {
            var input = KnowledgeMarkdownFile.Parse(text, name);
            var document = new KnowledgeDocument
            {
                TenantId = tenantId, Title = input.Title!, Type = input.Type!.Value, Language = input.Language!, Tags = input.Tags!.ToList(),
                Metadata = input.Metadata!, Content = input.Content!, SourceFileName = name, SourceMediaType = "text/markdown",
                CreatedBy = authorId, UpdatedBy = authorId, CreatedAt = now, UpdatedAt = now,
            };
            db.KnowledgeDocuments.Add(document);
            KnowledgeChunkIndexing.Rechunk(document, [], chunking, now, c => db.KnowledgeChunks.Add(c), _ => { });
        }
        await db.SaveChangesAsync(ct);
    }
}
