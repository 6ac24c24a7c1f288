using SalesCrm.Core.Messaging;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>The workspace records the settings form offers in its pickers, loaded once by the designer.</summary>
public sealed record WorkflowPickers(IReadOnlyList<PipelineDto> Pipelines, IReadOnlyList<PersonDto> People, IReadOnlyList<TemplateDto> Templates,
    IReadOnlyList<WorkflowSummaryDto> Workflows)
{
    public static readonly WorkflowPickers Empty = new([], [], [], []);

    /// <summary>The lead fields a node may write or test (custom fields as <c>lead.custom.&lt;name&gt;</c>, typed freely).</summary>
    public static readonly IReadOnlyList<string> LeadFields =
    [
        "lead.name", "lead.email", "lead.phone", "lead.company", "lead.priority", "lead.value", "lead.expected_close_date",
        "lead.utm_source", "lead.utm_medium", "lead.utm_campaign", "lead.custom.",
    ];
}
