namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Executes one node type of a running workflow (ADR 051). The engine resolves every registered executor from DI
/// (<c>services.AddScoped&lt;IWorkflowNodeExecutor, X&gt;()</c>) and picks the one whose <see cref="NodeType"/> equals the
/// node's catalog <c>type</c>; a node type without an executor fails its step with "not yet supported".
/// </summary>
/// <remarks>
/// The engine runs one node per database transaction: rows an executor adds through the scoped <c>CrmDbContext</c>
/// commit together with the step row that carries <see cref="WorkflowNodeContext.IdempotencyKey"/>, so a resumed run
/// never repeats a completed side effect. An executor that calls an outside service (WhatsApp, SMTP, HTTP) passes the
/// key on (e.g. as the outbound message's client id) so a retried call after a crash is recognised.
/// </remarks>
public interface IWorkflowNodeExecutor
{
    /// <summary>The catalog node type id this executor runs (snake_case, e.g. <c>add_tag</c>).</summary>
    string NodeType { get; }

    /// <summary>
    /// Runs the node once. Returns where the run goes next (<see cref="WorkflowNodeOutcome.Next"/>), that it waits
    /// (<see cref="WorkflowNodeOutcome.Wait"/>), that it ends, or that the step failed. Throwing is treated as a
    /// retryable failure with the exception's message.
    /// </summary>
    Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct);
}
