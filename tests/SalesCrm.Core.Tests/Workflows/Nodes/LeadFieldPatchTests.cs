using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Nodes;

namespace SalesCrm.Core.Tests.Workflows.Nodes;

public sealed class LeadFieldPatchTests
{
    [Fact]
    public void A_custom_field_is_merged_into_the_leads_other_custom_fields()
    {
        var patch = LeadFieldPatch.Build("lead.custom.city", JsonValue.Create("Campinas"), new JsonObject { ["bill"] = 350 });
        Assert.Equal("Campinas", patch.CustomFields!.Value.GetProperty("city").GetString());
        Assert.Equal(350, patch.CustomFields.Value.GetProperty("bill").GetInt32());
    }

    [Fact]
    public void Lead_fields_take_the_apis_names_and_values_even_as_rendered_text()
    {
        Assert.Equal(LeadPriority.High, LeadFieldPatch.Build("lead.priority", JsonValue.Create("high"), null).Priority);
        Assert.Equal(1500.5m, LeadFieldPatch.Build("lead.value", JsonValue.Create("1500.5"), null).Value);
        Assert.Equal(LeadSource.MetaAds, LeadFieldPatch.Build("lead.source", JsonValue.Create("meta_ads"), null).Source);
    }

    [Theory]
    [InlineData("lead.owner_id")]
    [InlineData("lead.expected_version")]
    [InlineData("lead.stage_id")]
    public void Fields_a_workflow_may_not_set_are_refused(string field)
    {
        Assert.Throws<ValidationException>(() => LeadFieldPatch.Build(field, JsonValue.Create("x"), null));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_a_validation_error()
    {
        var e = Assert.Throws<ValidationException>(() => LeadFieldPatch.Build("lead.priority", JsonValue.Create("very"), null));
        Assert.Contains("priority", e.Errors.Keys);
    }
}
