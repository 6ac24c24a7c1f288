using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

/// <summary>Test scopes: <c>Scope.With(lead: """{ … }""")</c> builds a <see cref="WorkflowScope"/> from JSON text.</summary>
internal static class Scope
{
    public static WorkflowScope With(string? lead = null, string? eventPayload = null, string? runInput = null, string? eventType = "lead.created")
    {
        var scope = new WorkflowScope();
        if (lead is not null) scope.WithLead(JsonNode.Parse(lead)!.AsObject());
        if (eventPayload is not null) scope.WithEvent(eventType!, JsonNode.Parse(eventPayload));
        if (runInput is not null) scope.WithRun(Guid.Parse("0194a1b2-0000-7000-8000-000000000001"), JsonNode.Parse(runInput));
        return scope;
    }

    public static WorkflowScope Lead() => With(lead: """
        {
          "name": "maria da silva", "email": "maria@example.com", "phone": "+5511988887777", "value": 1500.5,
          "source": "meta_ads", "priority": "high", "tags": ["solar", "vip"], "score": 72, "owner_id": null,
          "expected_close_date": "2026-12-20", "created_at": "2026-12-01T13:00:00Z", "is_rotting": false,
          "custom_fields": { "energy_bill": "R$ 1.234,56", "city": "São Paulo", "roof": "telha cerâmica", "installed": "true" }
        }
        """, eventPayload: """{ "form": { "city": "Campinas", "answers": [ { "q": "bill", "a": "350" } ] } }""",
        runInput: """{ "x": 42, "campaign": "black-friday" }""");
}
