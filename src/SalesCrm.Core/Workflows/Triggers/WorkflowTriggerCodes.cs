namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>Problem codes of the trigger endpoints.</summary>
public static class WorkflowTriggerCodes
{
    /// <summary>409: the workflow is switched off, unpublished, or its published version has no trigger of the kind called.</summary>
    public const string WorkflowNotActive = "WORKFLOW_NOT_ACTIVE";
}
