using System.Text.Json;
using SalesCrm.Core.Audit;
using SalesCrm.Web.Features.Audit;

namespace SalesCrm.Web.Tests.Components;

public class AuditLogPageTests
{
    private static AuditLogDto Entry(string changes) =>
        new(Guid.NewGuid(), DateTime.UtcNow, "User", null, "Ana", "Lead", Guid.NewGuid(), "update", JsonSerializer.Deserialize<JsonElement>(changes), null);

    [Fact]
    public void Entity_changes_show_old_and_new_values()
    {
        Assert.Equal("Name: Ana → Ana Paula\nCompany: Padaria", AuditLogPage.ChangedFields(Entry("""{"Name":{"old":"Ana","new":"Ana Paula"},"Company":{"new":"Padaria"}}""")));
    }

    [Fact]
    public void Action_details_such_as_an_export_show_their_plain_values()
    {
        var text = AuditLogPage.ChangedFields(Entry("""{"format":"csv","rows":60,"filters":["source=eq.website"],"q":null}"""));
        Assert.Contains("format: csv", text);
        Assert.Contains("rows: 60", text);
        Assert.Contains("source=eq.website", text);
    }
}
