using System.Text.Json;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// What an executor knows about the step it runs: the run, the node and its settings, the expression scope
/// (<c>lead</c>, <c>event</c>, <c>nodes</c>, <c>run</c>, <c>workspace</c>) for <see cref="TemplateRenderer"/> and
/// <see cref="ConditionEvaluator"/>, and — when the run resumes at this node after waiting — why it resumed.
/// </summary>
/// <param name="TenantId">The workspace the run belongs to; every row the executor writes carries it.</param>
/// <param name="RunId">The run.</param>
/// <param name="WorkflowId">The workflow definition.</param>
/// <param name="Version">The published version the run executes (immutable).</param>
/// <param name="LeadId">The lead the run is about, when it has one.</param>
/// <param name="Node">The node being executed.</param>
/// <param name="Settings">The node's settings (an empty object when it has none), already valid against its catalog schema.</param>
/// <param name="Scope">The run's expression scope; read-only for executors (the engine records outputs).</param>
/// <param name="IdempotencyKey">Run id + node id (+ a loop counter when the node runs again in a cycle), the same on every attempt.</param>
/// <param name="Attempt">1 on the first attempt, then 2, 3… on retries of this step.</param>
/// <param name="CorrelationId">Carried from the event that started the run; events the step writes carry it (loop guard).</param>
/// <param name="Depth">How many workflow runs led to this one along <paramref name="CorrelationId"/> (0 for a run a person or an outside event started).</param>
/// <param name="Resume">Why the run resumed at this node after a wait; null on the node's first execution.</param>
public sealed record WorkflowNodeContext(
    Guid TenantId,
    Guid RunId,
    Guid WorkflowId,
    int Version,
    Guid? LeadId,
    WorkflowNode Node,
    JsonElement Settings,
    WorkflowScope Scope,
    string IdempotencyKey,
    int Attempt,
    Guid CorrelationId,
    int Depth,
    WorkflowResume? Resume);
