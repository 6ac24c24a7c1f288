namespace SalesCrm.Web;

/// <summary>Marker for the dry run's strings in <c>Resources/WorkflowDryRunResource*.resx</c> (neutral = pt-BR, <c>.en</c> = English), made by <c>tools/workflow-dryrun-strings.py</c>.</summary>
public sealed class WorkflowDryRunResource;
