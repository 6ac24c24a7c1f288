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
    [Inject] private IStringLocalizer<WorkflowsResource> Strings { get; set; } = default!;

    [Parameter, EditorRequired] public Guid WorkflowId { get; set; }

    /// <summary>The last result (the page clears it on any edit).</summary>
    [Parameter] public WorkflowDryRunDto? Result { get; set; }

    /// <summary>Saves the draft first; false stops the run (the save failed and said why).</summary>
    [Parameter] public Func<Task<bool>>? BeforeRun { get; set; }

    [Parameter] public EventCallback<WorkflowDryRunDto?> OnResult { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }
    [Parameter] public EventCallback<string> OnFocus { get; set; }

    /// <summary>The select's value for "the main outcome" (no answer sent for the node).</summary>
    private const string Default = "";

    private LeadDto? _lead;
    private readonly Dictionary<string, string> _ports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _replies = new(StringComparer.Ordinal);

    private WorkflowTexts Texts => new(Strings);

    /// <summary>
    /// The steps of the walked path whose outcome the reader can choose: nodes that wait with more than one way out
    /// (a question's "respondeu"/"timeout"/"inválido", a wait for an event's "recebido"/"timeout", an AI reply's outcomes).
    /// </summary>
    private static List<DryRunStepDto> Answerable(WorkflowDryRunDto result) =>
        result.Path.Where(s => WorkflowDryRunRequest.AnswerableTypes.Contains(s.Type) && (WorkflowNodeCatalog.Find(s.Type)?.Ports.Count ?? 0) > 1)
            .DistinctBy(s => s.NodeId).ToList();

    private string PortOf(string nodeId) => _ports.GetValueOrDefault(nodeId, Default);

    private string? ReplyOf(string nodeId) => _replies.GetValueOrDefault(nodeId);

    private void SetPort(string nodeId, string port) => _ports[nodeId] = port;

    private void SetReply(string nodeId, string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply)) _replies.Remove(nodeId);
        else _replies[nodeId] = reply;
    }

    /// <summary>What the request assumes per node: a reply written for a question, else the outcome chosen; nothing for the main outcome.</summary>
    private Dictionary<string, string> Answers()
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (nodeId, port) in _ports) if (port != Default) answers[nodeId] = port;
        foreach (var (nodeId, reply) in _replies) if (PortOf(nodeId) is Default or "answered") answers[nodeId] = reply.Trim();
        return answers;
    }
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
                    result = await Runner.RunAsync(WorkflowId, new WorkflowDryRunRequest(lead.Id, Draft: true, Answers: Answers()));
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
