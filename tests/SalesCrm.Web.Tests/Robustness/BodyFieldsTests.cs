using System.Net;
using System.Text;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Robustness;

/// <summary>
/// Every JSON write endpoint reads its body field by field (ADR 038): one 400 VALIDATION_ERROR names every wrong field
/// — wrong JSON type, unknown enum value, malformed date or number, Brazilian money — and a body that is not a JSON
/// object is a 400 under <c>body</c>, never a 5xx. The ids in the paths need not exist: the body is checked first.
/// </summary>
public abstract class BodyFieldsTests(CrmAppFactory app)
{
    private static readonly string Any = Guid.NewGuid().ToString();

    /// <summary>One write endpoint of each group, with a body of several wrong fields of different kinds.</summary>
    public static TheoryData<string, string, string, string> WrongFields => new()
    {
        { "POST", "/api/v1/leads", """{"name": 5, "value": "1.234,56", "priority": "x", "expected_close_date": "31/12/2026"}""", "name,value,priority,expected_close_date" },
        { "PATCH", $"/api/v1/leads/{Any}", """{"company": [], "source": "fax", "value": "abc"}""", "company,source,value" },
        { "PATCH", $"/api/v1/leads/{Any}/stage", """{"stage_id": "nope", "position": "first"}""", "stage_id,position" },
        { "POST", $"/api/v1/leads/{Any}/assign", """{"owner_id": 7, "expected_version": "1.5"}""", "owner_id,expected_version" },
        { "POST", "/api/v1/pipelines", """{"name": 5, "stages": "abc"}""", "name,stages" },
        { "POST", "/api/v1/workflows", """{"name": 5, "description": [], "graph": {"nodes": "abc"}}""", "name,description,graph.nodes" },
        { "PATCH", $"/api/v1/pipelines/{Any}", """{"name": {}, "is_default": "yes"}""", "name,is_default" },
        { "POST", $"/api/v1/pipelines/{Any}/stages", """{"kind": "maybe", "probability": "1.234,56", "order": "x"}""", "kind,probability,order" },
        { "POST", "/api/v1/activities", """{"lead_id": "abc", "type": "visit?", "due_at": "amanhã"}""", "lead_id,type,due_at" },
        { "PATCH", $"/api/v1/activities/{Any}", """{"done": "yes", "due_at": "31/12/2026 10:00"}""", "done,due_at" },
        { "POST", $"/api/v1/leads/{Any}/interactions", """{"type": "fax", "duration_seconds": "1.234,56", "occurred_at": "ontem"}""", "type,duration_seconds,occurred_at" },
        { "POST", "/api/v1/webhooks", """{"url": 5, "events": "lead.created", "is_active": "sim"}""", "url,events,is_active" },
        { "PATCH", $"/api/v1/webhooks/{Any}", """{"secret": 1, "is_active": 2}""", "secret,is_active" },
        { "POST", "/api/v1/templates", """{"name": 5, "category": "spam", "status": "x"}""", "name,category,status" },
        { "PUT", $"/api/v1/templates/{Any}", """{"body": false, "language": 1}""", "body,language" },
        { "POST", "/api/v1/copilot/static-suggestions", """{"intent": "bogus", "text": 5, "position": "1.234,56"}""", "intent,text,position" },
        { "PUT", $"/api/v1/copilot/static-suggestions/{Any}", """{"intent": 1, "position": "um"}""", "intent,position" },
        { "POST", "/api/v1/copilot/suggest", """{"lead_id": "abc", "intent": 5, "context": []}""", "lead_id,intent,context" },
        { "POST", "/api/v1/copilot/feedback", """{"session_id": 1, "suggestion_id": "x", "rating": {}}""", "session_id,suggestion_id,rating" },
        { "POST", "/api/v1/analytics/reports", """{"metrics": 5, "from": "2026-13-45", "pipeline_id": "x"}""", "metrics,from,pipeline_id" },
        { "PATCH", $"/api/v1/insights/{Any}", """{"status": 5}""", "status" },
        { "POST", "/api/v1/members", """{"email": 5, "role_id": "admin", "password": []}""", "email,role_id,password" },
        { "PATCH", $"/api/v1/members/{Any}", """{"role_id": "admin"}""", "role_id" },
        { "POST", "/api/v1/roles", """{"name": 5, "visibility": "everyone", "capabilities": "all"}""", "name,visibility,capabilities" },
        { "PUT", $"/api/v1/roles/{Any}/capabilities", """{"capabilities": "all"}""", "capabilities" },
        { "PATCH", "/api/v1/tenant", """{"name": 5, "round_robin_assignment": "sim"}""", "name,round_robin_assignment" },
    };

    [Theory]
    [MemberData(nameof(WrongFields))]
    public async Task A_body_with_several_wrong_fields_is_one_400_naming_every_field(string method, string path, string body, string fields)
    {
        var owner = await app.RegisterAsync();
        var problem = await (await SendAsync(owner, method, path, body)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var errors = problem["errors"]!.AsObject();
        Assert.True(fields.Split(',').All(errors.ContainsKey), $"{method} {path}: {problem.ToJsonString()}");
        Assert.Equal(fields.Split(',').Length, errors.Count);
    }

    [Fact]
    public async Task Brazilian_money_where_a_number_is_expected_is_reported_inside_its_item()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await SendAsync(owner, "PUT", "/api/v1/analytics/spend", """{"items": [{"campaign": "c", "month": "2026-01", "amount": "1.234,56"}]}"""))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("items[0].amount"), problem.ToJsonString());
    }

    [Fact]
    public async Task Every_wrong_field_of_every_item_of_a_list_is_named()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await SendAsync(owner, "POST", "/api/v1/pipelines", """{"name": 5, "stages": [{"name": "A", "kind": "x"}, {"name": "B", "probability": "1.234,56", "order": "2º"}]}"""))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var errors = problem["errors"]!.AsObject();
        Assert.True(new[] { "name", "stages[0].kind", "stages[1].probability", "stages[1].order" }.All(errors.ContainsKey), problem.ToJsonString());
        Assert.Equal(4, errors.Count);
    }

    public static TheoryData<string, string> Groups => new()
    {
        { "POST", "/api/v1/leads" }, { "PATCH", $"/api/v1/leads/{Any}/stage" }, { "POST", "/api/v1/pipelines" },
        { "POST", $"/api/v1/pipelines/{Any}/stages" }, { "POST", "/api/v1/activities" }, { "POST", $"/api/v1/leads/{Any}/interactions" },
        { "POST", "/api/v1/webhooks" }, { "POST", "/api/v1/templates" }, { "POST", "/api/v1/copilot/static-suggestions" },
        { "POST", "/api/v1/copilot/suggest" }, { "POST", "/api/v1/copilot/feedback" }, { "POST", "/api/v1/analytics/reports" },
        { "PUT", "/api/v1/analytics/spend" }, { "PATCH", $"/api/v1/insights/{Any}" }, { "POST", "/api/v1/members" },
        { "POST", "/api/v1/roles" }, { "PATCH", "/api/v1/tenant" }, { "POST", "/api/v1/workflows" }, { "PUT", $"/api/v1/workflows/{Any}" },
        { "POST", "/api/v1/workflows/import" },
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Malformed_json_truncated_not_an_object_or_empty_is_a_400_under_body(string method, string path)
    {
        var owner = await app.RegisterAsync();
        foreach (var body in new[] { "{\"name\": \"abc", "[1, 2]", "\"text\"", "", "null" })
        {
            var problem = await (await SendAsync(owner, method, path, body)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
            Assert.True(problem["errors"]?.AsObject().ContainsKey("body") == true, $"{method} {path} [{body}]: {problem.ToJsonString()}");
        }
    }

    [Fact]
    public async Task A_single_wrong_field_keeps_its_name_message_and_code()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await SendAsync(owner, "POST", "/api/v1/leads", """{"name": "Ok", "priority": "x"}""")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("The value has the wrong type or is not one of the allowed values.", (string?)problem["errors"]!["priority"]![0]);
        Assert.Single(problem["errors"]!.AsObject());
        // A good body still binds as before.
        await (await SendAsync(owner, "POST", "/api/v1/leads", """{"name": "Ok", "priority": "high", "value": "1234.56"}""")).ExpectAsync(HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage> SendAsync(Session owner, string method, string path, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        return await owner.Client.SendAsync(request);
    }
}

public sealed class BodyFieldsTestsOnSqlite(SqliteApp app) : BodyFieldsTests(app), IClassFixture<SqliteApp>;

public sealed class BodyFieldsTestsOnPostgres(PostgresApp app) : BodyFieldsTests(app), IClassFixture<PostgresApp>;
