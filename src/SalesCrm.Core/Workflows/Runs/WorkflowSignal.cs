using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>Wakes the workflow worker when a queue item or a resumed run has been committed (relayed across instances with <c>Scale:Redis</c>).</summary>
public sealed class WorkflowSignal : WorkSignal;
