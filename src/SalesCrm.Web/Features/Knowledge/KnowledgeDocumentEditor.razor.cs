using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// Edits a document's title, type, language, status, tags, metadata and content (<c>knowledge.manage</c>). Saving a new
/// title or content makes a new version (the previous ones stay readable in the page's version list); errors show under
/// their fields.
/// </summary>
public partial class KnowledgeDocumentEditor : ServiceComponentBase
{
    private static readonly string[] Fields =
        ["title", "type", "language", "status", "tags", "content", "metadata.pipeline_stage", "metadata.product", "metadata.vertical"];

    [Inject] private KnowledgeDocumentService Documents { get; set; } = default!;

    /// <summary>The document as read with its content (<see cref="KnowledgeDocumentService.GetAsync"/>).</summary>
    [Parameter, EditorRequired] public KnowledgeDocumentDto Document { get; set; } = default!;

    /// <summary>Called with the saved document.</summary>
    [Parameter] public EventCallback<KnowledgeDocumentDto> Saved { get; set; }

    [Parameter] public EventCallback Cancelled { get; set; }

    protected override IReadOnlyCollection<string> ShownFields => Fields;

    private (Guid, int)? _loaded;
    private string? _title, _content, _tags, _stage, _product, _vertical;
    private string _language = KnowledgeLanguages.Portuguese;
    private KnowledgeDocumentType _type;
    private KnowledgeDocumentStatus _status;

    protected override void OnParametersSet()
    {
        if (_loaded == (Document.Id, Document.Version)) return;
        _loaded = (Document.Id, Document.Version);
        (_title, _content, _type, _language, _status) = (Document.Title, Document.Content, Document.Type, Document.Language, Document.Status);
        _tags = string.Join(", ", Document.Tags);
        (_stage, _product, _vertical) = (Document.Metadata.PipelineStage, Document.Metadata.Product, Document.Metadata.Vertical);
        ClearErrors();
    }

    /// <summary>What the form says now; the service changes only what differs (nothing changed: no new version).</summary>
    internal KnowledgeDocumentInput Input() => new(_title ?? "", _type, _language, _content ?? "",
        (_tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        new KnowledgeMetadata { PipelineStage = Blank(_stage), Product = Blank(_product), Vertical = Blank(_vertical) }, _status);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task SaveAsync()
    {
        KnowledgeDocumentDto? saved = null;
        if (!await RunAsync(async () => saved = await Documents.UpdateAsync(Document.Id, Input())) || saved is null) return;
        Snackbar.Add(saved.Version != Document.Version ? L["KbSavedAsVersion", saved.Version] : L[saved.UpdatedAt != Document.UpdatedAt ? "Saved" : "KbNothingChanged"],
            Severity.Success);
        await Saved.InvokeAsync(saved);
    }

    private async Task CancelAsync()
    {
        ClearErrors();
        await Cancelled.InvokeAsync();
    }
}
