using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Documents of the workspace's knowledge base. A create or an edit of the content re-chunks the document and writes its
/// chunks' search columns in the same <c>SaveChanges</c> (one transaction, the indexes follow inside it), so search never
/// sees a half-indexed document. <c>knowledge.manage</c> to write; <c>copilot.use</c> (or manage) to read.
/// </summary>
public sealed class KnowledgeDocumentService(
    IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time,
    IOptions<KnowledgeChunkerOptions> chunking, IOptions<KnowledgeFileOptions> files, KnowledgeEmbeddingSignal embeddingSignal)
{
    /// <summary>Documents, newest change first; <paramref name="status"/>, <paramref name="type"/> and <paramref name="search"/> (title, folded) narrow it.</summary>
    public async Task<Paged<KnowledgeDocumentDto>> ListAsync(PageRequest page, KnowledgeDocumentStatus? status = null, KnowledgeDocumentType? type = null,
        string? search = null, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        page = page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.KnowledgeDocuments.AsNoTracking();
        if (status is { } s) query = query.Where(d => d.Status == s);
        if (type is { } t) query = query.Where(d => d.Type == t);
        query = query.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id);
        int total;
        List<KnowledgeDocument> rows;
        if (string.IsNullOrWhiteSpace(search))
        {
            total = await query.CountAsync(ct);
            rows = await query.Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        }
        else
        {
            // Titles are matched folded (case and accents ignored), which neither database does alike: read the titles only.
            var folded = KnowledgeText.Fold(search.Trim());
            var matching = (await query.Select(d => new { d.Id, d.Title }).ToListAsync(ct))
                .Where(d => KnowledgeText.Fold(d.Title).Contains(folded, StringComparison.Ordinal)).Select(d => d.Id).ToList();
            total = matching.Count;
            var pageIds = matching.Skip(page.Offset).Take(page.Limit).ToList();
            rows = (await query.Where(d => pageIds.Contains(d.Id)).ToListAsync(ct));
        }
        var ids = rows.Select(d => d.Id).ToList();
        var counts = await db.KnowledgeChunks.Where(c => ids.Contains(c.DocumentId)).GroupBy(c => c.DocumentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new Paged<KnowledgeDocumentDto>(rows.Select(d => ToDto(d, counts.GetValueOrDefault(d.Id))).ToList(), total, page.Limit, page.Offset);
    }

    /// <summary>One document with its content.</summary>
    /// <exception cref="NotFoundException">No such document in this workspace.</exception>
    public async Task<KnowledgeDocumentDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.KnowledgeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Document", id);
        return ToDto(document, await db.KnowledgeChunks.CountAsync(c => c.DocumentId == id, ct), withContent: true);
    }

    /// <summary>Creates a document (published unless a status is given), chunked and searchable when this returns.</summary>
    /// <exception cref="ValidationException">Missing title/type/content, unknown language, too long a text or too many tags.</exception>
    public async Task<KnowledgeDocumentDto> CreateAsync(KnowledgeDocumentInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        Validate(input, creating: true);
        var now = time.GetUtcNow().UtcDateTime;
        var document = new KnowledgeDocument
        {
            TenantId = tenantId, Title = input.Title!.Trim(), Type = input.Type!.Value, Language = KnowledgeLanguages.Canonical(input.Language) ?? KnowledgeLanguages.Portuguese,
            Content = input.Content!.Trim(), Tags = CleanTags(input.Tags), Metadata = input.Metadata ?? new(), Status = input.Status ?? KnowledgeDocumentStatus.Published,
            SourceFileName = input.SourceFileName, SourceMediaType = input.SourceMediaType,
            CreatedBy = access.User.UserId, UpdatedBy = access.User.UserId, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.KnowledgeDocuments.Add(document);
        var chunks = new List<KnowledgeChunk>();
        KnowledgeChunkIndexing.Rechunk(document, [], chunking.Value, now, chunks.Add, _ => { });
        db.KnowledgeChunks.AddRange(chunks);
        await db.SaveChangesAsync(ct);
        embeddingSignal.Notify();
        return ToDto(document, chunks.Count);
    }

    /// <summary>
    /// Changes a document. A new title or content makes a new version (the previous one stays readable) and re-chunks it;
    /// a status change only changes which chunks search reads. All in one transaction.
    /// </summary>
    /// <exception cref="NotFoundException">No such document in this workspace.</exception>
    public async Task<KnowledgeDocumentDto> UpdateAsync(Guid id, KnowledgeDocumentInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        Validate(input, creating: false);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.KnowledgeDocuments.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Document", id);
        var chunks = await db.KnowledgeChunks.Where(c => c.DocumentId == id).OrderBy(c => c.Ordinal).ToListAsync(ct);
        var newTitle = input.Title?.Trim();
        var newContent = input.Content?.Trim();
        var language = input.Language is null ? null : KnowledgeLanguages.Canonical(input.Language);
        var contentChanged = newContent is not null && newContent != document.Content;
        var textChanged = contentChanged || (newTitle is not null && newTitle != document.Title);
        var tags = input.Tags is null ? null : CleanTags(input.Tags);
        var changed = textChanged || (input.Type is { } t && t != document.Type) || (language is not null && language != document.Language)
            || (tags is not null && !tags.SequenceEqual(document.Tags, StringComparer.Ordinal))
            || (input.Metadata is { } m && !SameMetadata(m, document.Metadata)) || (input.Status is { } st && st != document.Status);
        // A body that changes nothing (PATCH {}, or the editor saved untouched) neither makes a version nor moves updated_at.
        if (!changed) return ToDto(document, chunks.Count, withContent: true);
        if (textChanged)
        {
            db.KnowledgeDocumentVersions.Add(new KnowledgeDocumentVersion
            {
                TenantId = document.TenantId, DocumentId = id, Version = document.Version, Title = document.Title, Content = document.Content,
                CreatedBy = document.UpdatedBy, CreatedAt = document.UpdatedAt,
            });
            document.Version++;
            document.Title = newTitle ?? document.Title;
            document.Content = newContent ?? document.Content;
            if (input.SourceFileName is not null) { document.SourceFileName = input.SourceFileName; document.SourceMediaType = input.SourceMediaType; }
        }
        if (input.Type is { } type) document.Type = type;
        if (language is not null) document.Language = language;
        if (tags is not null) document.Tags = tags;
        if (input.Metadata is not null) document.Metadata = input.Metadata;
        if (input.Status is { } status) document.Status = status;
        document.UpdatedAt = now;
        document.UpdatedBy = access.User.UserId;
        if (contentChanged)
            KnowledgeChunkIndexing.Rechunk(document, chunks, chunking.Value, now, c => db.KnowledgeChunks.Add(c), c => db.KnowledgeChunks.Remove(c));
        else
            foreach (var chunk in chunks) KnowledgeChunkIndexing.Fill(chunk, document, now);
        await db.SaveChangesAsync(ct);
        embeddingSignal.Notify();
        return ToDto(document, await db.KnowledgeChunks.CountAsync(c => c.DocumentId == id, ct), withContent: true);
    }

    /// <summary>Deletes a document with its versions, chunks and their feedback.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.KnowledgeDocuments.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Document", id);
        // Chunks go row by row so SQLite's triggers drop them from the search tables too.
        db.KnowledgeChunks.RemoveRange(await db.KnowledgeChunks.Where(c => c.DocumentId == id).ToListAsync(ct));
        db.KnowledgeDocuments.Remove(document);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every version, the current one first.</summary>
    public async Task<IReadOnlyList<KnowledgeDocumentVersionDto>> VersionsAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.KnowledgeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Document", id);
        var previous = await db.KnowledgeDocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        return [new(document.Version, document.Title, document.Content, document.UpdatedBy, document.UpdatedAt, true),
            .. previous.Select(v => new KnowledgeDocumentVersionDto(v.Version, v.Title, v.Content, v.CreatedBy, v.CreatedAt, false))];
    }

    /// <summary>Reads an uploaded file into the input's content (and source name/type); see <see cref="KnowledgeFileReader"/> for the errors.</summary>
    /// <exception cref="ValidationException">The input has content of its own too: a document comes from a file or from pasted text, never both.</exception>
    public async Task<KnowledgeDocumentInput> WithFileAsync(KnowledgeDocumentInput input, Stream file, string fileName, long length, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(input.Content))
            throw new ValidationException("content", "must be empty when a file is uploaded: send either a file or content.");
        var (text, mediaType) = await KnowledgeFileReader.ReadAsync(file, fileName, length, files.Value, ct);
        return input with
        {
            Content = text, SourceFileName = Path.GetFileName(fileName), SourceMediaType = mediaType,
            Title = string.IsNullOrWhiteSpace(input.Title) ? Path.GetFileNameWithoutExtension(fileName) : input.Title,
        };
    }

    private void Validate(KnowledgeDocumentInput input, bool creating)
    {
        var v = new Validator();
        if (creating || input.Title is not null) v.Require("title", input.Title, KnowledgeLimits.TitleLength);
        if (creating) v.When(input.Type is null, "type", $"is required: one of {string.Join(", ", SnakeEnum.Names<KnowledgeDocumentType>())}.");
        if (creating || input.Content is not null)
        {
            v.When(string.IsNullOrWhiteSpace(input.Content), "content", "is required (paste text or upload a file).");
            v.When(input.Content?.Length > files.Value.MaxContentChars, "content", $"must be at most {files.Value.MaxContentChars:N0} characters.");
        }
        v.When(input.Language is not null && KnowledgeLanguages.Canonical(input.Language) is null, "language", "must be pt-BR, en or es.");
        v.When(input.Tags?.Count > KnowledgeLimits.MaxTags, "tags", $"must be at most {KnowledgeLimits.MaxTags}.");
        v.When(input.Tags?.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > KnowledgeLimits.TagLength) == true, "tags", $"must be 1–{KnowledgeLimits.TagLength} characters each.");
        foreach (var (field, value) in new[] { ("pipeline_stage", input.Metadata?.PipelineStage), ("product", input.Metadata?.Product), ("vertical", input.Metadata?.Vertical) })
            v.When(value?.Length > 100, "metadata." + field, "must be at most 100 characters.");
        v.ThrowIfInvalid();
    }

    private static bool SameMetadata(KnowledgeMetadata a, KnowledgeMetadata b) =>
        a.PipelineStage == b.PipelineStage && a.Product == b.Product && a.Vertical == b.Vertical;

    private static List<string> CleanTags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    internal static KnowledgeDocumentDto ToDto(KnowledgeDocument d, int chunkCount, bool withContent = false) =>
        new(d.Id, d.Title, d.Type, d.Language, d.Status, d.Version, chunkCount, d.Tags, d.Metadata, d.SourceFileName, d.SourceMediaType,
            d.CreatedBy, d.UpdatedBy, d.CreatedAt, d.UpdatedAt, withContent ? d.Content : null);
}
