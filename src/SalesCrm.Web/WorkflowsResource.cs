namespace SalesCrm.Web;

/// <summary>Marker for the workflow designer's strings in <c>Resources/WorkflowsResource*.resx</c> (neutral = pt-BR, <c>.en</c> = English).</summary>
public sealed class WorkflowsResource;
