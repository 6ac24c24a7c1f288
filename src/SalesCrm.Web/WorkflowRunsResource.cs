namespace SalesCrm.Web;

/// <summary>Marker for the workflow runs pages' strings in <c>Resources/WorkflowRunsResource*.resx</c> (neutral = pt-BR, <c>.en</c> = English).</summary>
public sealed class WorkflowRunsResource;
