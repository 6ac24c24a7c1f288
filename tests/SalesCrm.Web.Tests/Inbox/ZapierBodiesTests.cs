using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Inbox;

/// <summary>
/// What Zapier and other form tools really send to <c>/api/webhooks/zapier-leads</c>: Zapier's default "Form" payload,
/// batches of records as a JSON array, and bodies no one can read, which are refused while the sender can still see it.
/// </summary>
public abstract class ZapierBodiesTests(InboundAppBase app)
{
    private Task<HttpResponseMessage> PostAsync(string secret, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return app.PostZapierAsync(secret, content);
    }

    private static Task<JsonNode> InboxAsync(Session owner, Func<JsonArray, bool> done) =>
        Eventually.GetAsync(owner, "/api/v1/webhooks/inbox?limit=100", b => done(b["items"]!.AsArray()));

    [Fact]
    public async Task Zapiers_default_form_payload_becomes_a_lead_and_the_inbox_keeps_the_form_as_received()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        const string form = "name=Zap+Form+Default&phone=%2855%29+11987653099&email=zapform%40example.com";
        var response = await PostAsync(secret, form, "application/x-www-form-urlencoded");
        Assert.Equal("received", (string?)(await response.ExpectAsync(HttpStatusCode.OK))["status"]);

        var lead = await InboundDoors.LeadNamedAsync(owner, "Zap Form Default");
        Assert.Equal(("+5511987653099", "zapform@example.com", "zapier"), ((string?)lead["phone"], (string?)lead["email"], (string?)lead["source"]));
        var item = (await InboxAsync(owner, items => items.Any(i => (string?)i!["status"] == "processed")))["items"]![0]!;
        Assert.Equal(form, (string?)item["body_excerpt"]);
    }

    [Fact]
    public async Task Repeated_form_fields_become_lists_as_in_json_and_amounts_are_read_in_the_workspace_culture()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        const string form = "name=Zap+Lista&tags=quente&tags=indica%C3%A7%C3%A3o&interesse=apto&interesse=casa&valor=R%24+1.500%2C00&utm_source=google";
        await (await PostAsync(secret, form, "application/x-www-form-urlencoded; charset=UTF-8")).ExpectAsync(HttpStatusCode.OK);

        var lead = await InboundDoors.LeadNamedAsync(owner, "Zap Lista");
        Assert.Equal(["indicação", "quente"], lead["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(["apto", "casa"], lead["custom_fields"]!["interesse"]!.AsArray().Select(t => (string?)t));
        Assert.Equal((1500m, "google"), ((decimal)lead["value"]!, (string?)lead["utm_source"]));
    }

    [Theory]
    [InlineData("text/xml", "<lead><name>XML</name></lead>")]
    [InlineData("application/xml", "<lead><name>XML</name></lead>")]
    [InlineData("text/plain", "name=Texto")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMulti\r\n--x--\r\n")]
    [InlineData("application/json; charset=iso-8859-1", """{"name":"Latin"}""")]
    [InlineData("application/x-www-form-urlencoded; charset=bogus", "name=Bogus")]
    public async Task A_body_in_a_format_the_receiver_cannot_read_is_refused_with_415_and_not_stored(string contentType, string body)
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        var problem = await (await PostAsync(secret, body, contentType)).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Contains("application/x-www-form-urlencoded", (string?)problem["detail"]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/webhooks/inbox"))["total"]!);
    }

    [Fact]
    public async Task An_unknown_secret_is_still_401_before_the_content_type_is_looked_at()
    {
        var response = await PostAsync("not-a-secret", "<lead/>", "text/xml");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_json_array_of_records_becomes_one_item_and_one_lead_per_record()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await (await PostAsync(secret, """[{"name":"Lote A","phone":"11 98888-2001"},{"name":"Lote B","email":"b@lote.example"}]""", "application/json")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("+5511988882001", (string?)(await InboundDoors.LeadNamedAsync(owner, "Lote A"))["phone"]);
        Assert.Equal("b@lote.example", (string?)(await InboundDoors.LeadNamedAsync(owner, "Lote B"))["email"]);
        var items = (await InboxAsync(owner, items => items.Count(i => (string?)i!["status"] == "processed") == 3))["items"]!.AsArray();
        var batch = items.Single(i => i!["parent_id"] is null)!;
        Assert.Equal([0, 1], items.Where(i => (string?)i!["parent_id"] == (string?)batch["id"]).Select(i => (int)i!["part"]!).Order());
    }

    [Fact]
    public async Task A_record_of_a_batch_that_is_not_an_object_fails_at_once_naming_its_place_and_the_others_become_leads()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await (await PostAsync(secret, """[{"name":"Lote Bom"},7,null]""", "application/json")).ExpectAsync(HttpStatusCode.OK);

        await InboundDoors.LeadNamedAsync(owner, "Lote Bom");
        var items = (await InboxAsync(owner, items => items.Count(i => (string?)i!["status"] == "failed") == 2))["items"]!.AsArray();
        var failed = items.Where(i => (string?)i!["status"] == "failed").OrderBy(i => (int)i!["part"]!).Select(i => ((int)i!["attempts"]!, (string?)i["last_error"]));
        Assert.Equal([(1, "$[1]: is not an object (number)"), (1, "$[2]: is null")], failed);
    }

    [Theory]
    [InlineData("\"só um texto\"", "$: is not an object (string)")]
    [InlineData("[]", "$: is an empty array: no lead to create")]
    [InlineData("[\"x\"]", "$[0]: is not an object (string)")]
    [InlineData("null", "$: is null")]
    public async Task A_json_body_that_holds_no_record_fails_at_once_instead_of_being_retried(string body, string error)
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await (await PostAsync(secret, body, "application/json")).ExpectAsync(HttpStatusCode.OK);

        var item = (await InboxAsync(owner, items => items.Any(i => (string?)i!["status"] == "failed")))["items"]![0]!;
        Assert.Equal((1, error), ((int)item["attempts"]!, (string?)item["last_error"]));
    }

    [Fact]
    public async Task A_one_record_batch_is_processed_as_that_record()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await (await PostAsync(secret, """[{"name":"Lote Único","id":"evt-1"}]""", "application/json")).ExpectAsync(HttpStatusCode.OK);
        await InboundDoors.LeadNamedAsync(owner, "Lote Único");
        var items = (await InboxAsync(owner, items => items.Any(i => (string?)i!["status"] == "processed")))["items"]!.AsArray();
        Assert.Null(Assert.Single(items)!["parent_id"]);
    }
}

public sealed class ZapierBodiesTestsOnSqlite(InboundSqliteApp app) : ZapierBodiesTests(app), IClassFixture<InboundSqliteApp>;

public sealed class ZapierBodiesTestsOnPostgres(InboundPostgresApp app) : ZapierBodiesTests(app), IClassFixture<InboundPostgresApp>;
