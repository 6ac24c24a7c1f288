using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>One document: status, versions, and its chunks with preview, edit (re-indexed) and enable/disable.</summary>
public partial class KnowledgeDocumentPage : ServiceComponentBase
{
    private const int PreviewLength = 280;

    [Inject] private KnowledgeDocumentService Documents { get; set; } = default!;
    [Inject] private KnowledgeChunkService Chunks { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IScrollManager Scroll { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    /// <summary>A chunk to point at (the copilot's source links: <c>?chunk=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "chunk")] public Guid? Chunk { get; set; }

    private KnowledgeDocumentDto? _document;
    private IReadOnlyList<KnowledgeDocumentVersionDto> _versions = [];
    private List<KnowledgeChunkDto> _chunks = [];
    private readonly HashSet<Guid> _expanded = [];
    private Guid? _editing;
    private string? _editText;
    private Guid? _scrolledTo;
    private bool _editingDocument;

    protected override IReadOnlyCollection<string> ShownFields => _editing is null ? [] : ["text"];

    protected override Task OnParametersSetAsync() => RunAsync(LoadAsync);

    /// <summary>Opened at a chunk (a copilot source link): it is brought into view once its card is on the page.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Chunk is not { } chunk || _scrolledTo == chunk || _chunks.All(c => c.Id != chunk)) return;
        _scrolledTo = chunk;
        await Scroll.ScrollIntoViewAsync($"#chunk-{chunk}", ScrollBehavior.Auto);
    }

    private async Task LoadAsync()
    {
        _document = await Documents.GetAsync(Id);
        _versions = await Documents.VersionsAsync(Id);
        _chunks = (await Chunks.ListAsync(new KnowledgeChunkQuery(Id), new PageRequest(PageRequest.MaxLimit, 0))).Items.ToList();
        // The cited chunk opens in full (its "show less" still folds it).
        if (Chunk is { } cited && _scrolledTo != cited) _expanded.Add(cited);
    }

    private string Preview(KnowledgeChunkDto chunk) =>
        chunk.Text.Length <= PreviewLength || _expanded.Contains(chunk.Id) ? chunk.Text : chunk.Text[..PreviewLength] + "…";

    private string ChunkStyle(KnowledgeChunkDto chunk) =>
        (chunk.Enabled ? "" : "opacity:.6;") + (chunk.Id == Chunk ? "border:2px solid var(--mud-palette-primary);" : "");

    private void Toggle(Guid id)
    {
        if (!_expanded.Remove(id)) _expanded.Add(id);
    }

    private void StartEdit(KnowledgeChunkDto chunk)
    {
        ClearErrors();
        _editing = chunk.Id;
        _editText = chunk.Text;
    }

    private async Task SaveEditAsync(KnowledgeChunkDto chunk)
    {
        if (await RunAsync(() => Chunks.UpdateAsync(chunk.Id, new KnowledgeChunkInput(Text: _editText)), L["Saved"]))
        {
            _editing = null;
            await RunAsync(LoadAsync);
        }
    }

    private void CancelChunkEdit()
    {
        ClearErrors();
        _editing = null;
    }

    /// <summary>The editor saved: the page reads the document, its versions and its (re-cut) chunks again.</summary>
    private async Task DocumentSavedAsync(KnowledgeDocumentDto saved)
    {
        _editingDocument = false;
        await RunAsync(LoadAsync);
    }

    private async Task EnableAsync(KnowledgeChunkDto chunk, bool enabled)
    {
        if (await RunAsync(() => Chunks.UpdateAsync(chunk.Id, new KnowledgeChunkInput(Enabled: enabled)), L["Saved"])) await RunAsync(LoadAsync);
    }

    private async Task SetStatusAsync(KnowledgeDocumentStatus status)
    {
        if (await RunAsync(() => Documents.UpdateAsync(Id, new KnowledgeDocumentInput(Status: status)), L["Saved"])) await RunAsync(LoadAsync);
    }

    private async Task DeleteAsync()
    {
        if (!await ConfirmAsync(L["KbDeleteQuestion"], L["Delete"])) return;
        if (await RunAsync(() => Documents.DeleteAsync(Id), L["Deleted"])) Navigation.NavigateTo("/knowledge");
    }
}
