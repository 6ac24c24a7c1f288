using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>Creates a document from pasted text or an uploaded file (progress while the file travels, then while it is indexed).</summary>
public partial class KnowledgeCreatePanel : ServiceComponentBase
{
    [Inject] private KnowledgeDocumentService Documents { get; set; } = default!;
    [Inject] private IOptions<KnowledgeFileOptions> FileOptions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Called after a document was created.</summary>
    [Parameter] public EventCallback Created { get; set; }

    private static readonly string[] Fields =
        ["title", "type", "language", "status", "tags", "content", "metadata.pipeline_stage", "metadata.product", "metadata.vertical"];

    protected override IReadOnlyCollection<string> ShownFields => Fields;

    private bool _open, _uploading;
    private int _progress;
    private string? _title, _content, _tags, _stage, _product, _vertical, _error;
    private string _language = KnowledgeLanguages.Portuguese;
    private KnowledgeDocumentType _type = KnowledgeDocumentType.Faq;
    private KnowledgeDocumentStatus _status = KnowledgeDocumentStatus.Published;

    private KnowledgeDocumentInput Input() => new(_title, _type, _language, _content,
        (_tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        new KnowledgeMetadata { PipelineStage = Blank(_stage), Product = Blank(_product), Vertical = Blank(_vertical) }, _status);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task CreateAsync()
    {
        KnowledgeDocumentDto? created = null;
        if (await RunAsync(async () => created = await Documents.CreateAsync(Input()), L["Saved"]) && created is not null) await DoneAsync(created);
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _error = null;
        _uploading = true;
        _progress = 0;
        try
        {
            var max = FileOptions.Value.MaxFileBytes;
            if (file.Size > max) throw new KnowledgeFileException(413, KnowledgeFileException.TooLarge, string.Format(L["KbFileTooLarge"], max / (1024 * 1024)));
            using var buffer = new MemoryStream();
            await using (var source = file.OpenReadStream(max))
            {
                var chunk = new byte[64 * 1024];
                int read;
                while ((read = await source.ReadAsync(chunk)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    var percent = file.Size == 0 ? 100 : (int)(buffer.Length * 100 / file.Size);
                    if (percent != _progress) { _progress = Math.Min(percent, 99); StateHasChanged(); }
                }
            }
            _progress = 100;
            StateHasChanged();
            buffer.Position = 0;
            KnowledgeDocumentDto? created = null;
            if (await RunAsync(async () =>
                {
                    var input = await Documents.WithFileAsync(Input(), buffer, file.Name, buffer.Length);
                    created = await Documents.CreateAsync(input);
                }, L["Saved"]) && created is not null)
                await DoneAsync(created);
        }
        catch (KnowledgeFileException e)
        {
            _error = e.Code switch
            {
                KnowledgeFileException.NoTextLayer => L["KbNoTextLayer"],
                KnowledgeFileException.UnsupportedType => L["KbUnsupportedType"],
                KnowledgeFileException.TooLarge => e.Message,
                _ => $"{L["KbUnreadable"]} {e.Message}",
            };
        }
        finally
        {
            _uploading = false;
        }
    }

    private async Task DoneAsync(KnowledgeDocumentDto created)
    {
        _title = _content = _tags = null;
        await Created.InvokeAsync();
        Navigation.NavigateTo($"/knowledge/documents/{created.Id}");
    }
}
