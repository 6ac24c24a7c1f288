using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Features.Leads;

/// <summary>
/// CSV import in two steps: the chosen file is read as the import will read it (a file it would refuse, e.g. for a quote
/// that never closes, is refused here already, with the reason), its columns are shown with the field each goes into
/// (suggested from the titles, changeable, and which are not imported), then the import runs and shows its report.
/// </summary>
public partial class LeadImportPanel
{
    [Inject] private LeadImportService Importer { get; set; } = default!;
    [Parameter] public EventCallback OnImported { get; set; }

    private byte[]? _content;
    private List<string> _headers = [];
    private readonly Dictionary<string, string?> _mapping = new();
    private ImportReport? _report;
    private List<string> _fileErrors = [];

    /// <summary>How each column will be imported with the mapping as it stands.</summary>
    private IReadOnlyList<ImportColumn> Plan => LeadImportColumns.Plan(_headers, _mapping);

    private async Task FileChosenAsync(IBrowserFile? file)
    {
        _report = null;
        _fileErrors = [];
        _headers = [];
        _mapping.Clear();
        if (file is null) return;
        using var buffer = new MemoryStream();
        await file.OpenReadStream(20 * 1024 * 1024).CopyToAsync(buffer);
        _content = buffer.ToArray();
        var content = _content;
        // Decoded and checked as the import will (encoding, delimiter, quotes), so accents in titles match the mapping.
        if (!await RefusedAsync(() =>
            {
                _headers = LeadImportService.ReadHeaders(content).ToList();
                return Task.CompletedTask;
            }))
            _content = null;
        foreach (var header in _headers) _mapping[header.Trim()] = LeadImportColumns.Suggest(header);
    }

    private async Task ImportAsync()
    {
        if (_content is null) return;
        // A column whose suggested field was cleared is left out ("") rather than matched by its title again; one that had
        // no field stays unmapped, so the report says there was none for it.
        var mapping = _headers.Select(h => h.Trim()).Distinct()
            .Where(h => _mapping.GetValueOrDefault(h) is not null || LeadImportColumns.Suggest(h) is not null)
            .ToDictionary(h => h, h => (string?)(_mapping.GetValueOrDefault(h) ?? ""));
        var content = _content;
        if (await RefusedAsync(async () => _report = await Importer.ImportAsync(new MemoryStream(content), mapping)))
            await OnImported.InvokeAsync();
    }

    /// <summary>Runs <paramref name="action"/>, true when it succeeded; a refusal of the file is shown in the panel (it must stay in view), other errors as usual.</summary>
    private async Task<bool> RefusedAsync(Func<Task> action)
    {
        _fileErrors = [];
        return await RunAsync(async () =>
        {
            try { await action(); }
            catch (ValidationException e) { _fileErrors = e.Errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")).ToList(); }
        }) && _fileErrors.Count == 0;
    }

    private static string Describe(IReadOnlyDictionary<string, string[]> messages) =>
        string.Join("; ", messages.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
