using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.DryRuns;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The designer's dry run: a lead picker over the workspace's leads (the reader's visibility) and a button that saves the
/// draft (<see cref="BeforeRun"/>) and walks it with <see cref="WorkflowDryRunner"/> — the service the API uses — so nothing is written.
/// </summary>
public partial class DryRunPanel
{
    [Inject] private WorkflowDryRunner Runner { get; set; } = default!;
    [Inject] private LeadQuery Leads { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowDryRunResource> D { get; set; } = default!;

    [Parameter, EditorRequired] public Guid WorkflowId { get; set; }

    /// <summary>The last result (the page clears it on any edit).</summary>
    [Parameter] public WorkflowDryRunDto? Result { get; set; }

    /// <summary>Saves the draft first; false stops the run (the save failed and said why).</summary>
    [Parameter] public Func<Task<bool>>? BeforeRun { get; set; }

    [Parameter] public EventCallback<WorkflowDryRunDto?> OnResult { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }
    [Parameter] public EventCallback<string> OnFocus { get; set; }

    private LeadDto? _lead;
    private bool _running, _ran;
    private string? _message;

    private async Task<IEnumerable<LeadDto>> SearchAsync(string? text, CancellationToken ct)
    {
        try
        {
            return (await Leads.ListAsync(new LeadListRequest([], Q: string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Limit: 10, Count: CountMode.None), ct)).Items;
        }
        catch (OperationCanceledException)
        {
            return [];
        }
    }

    private static string LeadText(LeadDto? lead) => lead is null ? "" : lead.Email is { Length: > 0 } email ? $"{lead.Name} · {email}" : lead.Name;

    private async Task RunAsync()
    {
        if (_lead is not { } lead) return;
        _running = true;
        _message = null;
        try
        {
            if (BeforeRun is not null && !await BeforeRun()) return;
            WorkflowDryRunDto? result = null;
            await RunAsync(async () =>
            {
                try
                {
                    result = await Runner.RunAsync(WorkflowId, new WorkflowDryRunRequest(lead.Id, Draft: true));
                }
                catch (WorkflowInvalidException)
                {
                    _message = D["UI_Invalid"];
                }
            });
            _ran = true;
            await OnResult.InvokeAsync(result);
        }
        finally
        {
            _running = false;
        }
    }
}
