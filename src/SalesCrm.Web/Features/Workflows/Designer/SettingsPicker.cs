namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>A picker the form offers instead of a bare text box, chosen by the setting's name.</summary>
public enum SettingsPicker
{
    None,
    /// <summary><c>stage_id</c>: a pipeline, then one of its stages.</summary>
    Stage,
    /// <summary><c>user_id</c>: a member of the workspace.</summary>
    User,
    /// <summary><c>template_id</c>: a WhatsApp template.</summary>
    Template,
    /// <summary><c>workflow_id</c>: another workflow.</summary>
    Workflow,
    /// <summary><c>field</c>/<c>store_to</c> of nodes that write the lead: a lead field or custom field.</summary>
    LeadField,
    /// <summary><c>event_type</c>: the catalog's event types (the schema's examples), or a custom one.</summary>
    EventType,
    /// <summary>A text that may hold <c>{{variables}}</c>: offers the variable picker.</summary>
    Variables,
    /// <summary>The value a condition or switch tests: the lead's fields and the earlier steps' outputs, suggested; any path typed.</summary>
    TestedValue,
}
