using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Inbox;

/// <summary>Amounts that Zapier and Meta lead forms send as text, read in the workspace's culture; an unreadable one never becomes 0.</summary>
public abstract class InboundAmountsTests(InboundAppBase app)
{
    private async Task<(Session Owner, string Secret)> ZapierAsync()
    {
        var owner = await app.RegisterAsync();
        var secret = (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;
        return (owner, secret);
    }

    private async Task SendZapierAsync(string secret, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Webhook-Secret", secret);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    private static async Task<JsonNode> WaitForLeadAsync(Session owner, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await owner.GetJsonAsync($"/api/v1/leads?name=eq.{Uri.EscapeDataString(name)}"))["items"]!.AsArray();
            if (items.Count > 0) return items[0]!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No lead named {name}.");
            await Task.Delay(100);
        }
    }

    [Theory]
    [InlineData("1.500,00", "1500")]
    [InlineData("R$ 1.500", "1500")]
    [InlineData("2.000.000", "2000000")]
    [InlineData("R$ 1.234,56", "1234.56")]
    [InlineData("1500", "1500")]
    public async Task Zapier_amounts_typed_the_brazilian_way_are_read_in_the_workspace_culture(string text, string expected)
    {
        var (owner, secret) = await ZapierAsync();
        await SendZapierAsync(secret, new { name = "Zap Valor", value = text });
        var lead = await WaitForLeadAsync(owner, "Zap Valor");
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (decimal)lead["value"]!);
    }

    [Fact]
    public async Task A_zapier_lead_the_rules_refuse_fails_at_once_naming_its_fields_instead_of_retrying()
    {
        var (owner, secret) = await ZapierAsync();
        await SendZapierAsync(secret, new { name = (string?)null, phone = (string?)null });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode? failed;
        do
        {
            failed = (await owner.GetJsonAsync("/api/v1/webhooks/inbox?status=failed"))["items"]!.AsArray().FirstOrDefault();
            if (failed is null) await Task.Delay(100);
        } while (failed is null && DateTime.UtcNow < deadline);
        Assert.NotNull(failed);
        Assert.Equal(1, (int)failed!["attempts"]!);
        Assert.StartsWith("Invalid data: name", (string?)failed["last_error"]);
    }

    [Fact]
    public async Task A_nul_character_in_a_zapier_field_is_dropped_and_the_lead_kept()
    {
        var (owner, secret) = await ZapierAsync();
        await SendZapierAsync(secret, new { name = "Zap\u0000Nul", phone = "11 98888-1212" });
        var lead = await WaitForLeadAsync(owner, "ZapNul");
        Assert.Equal("+5511988881212", (string?)lead["phone"]);
    }

    [Fact]
    public async Task A_zapier_phone_sent_as_a_list_is_kept_as_phone_raw_with_a_warning()
    {
        var (owner, secret) = await ZapierAsync();
        await SendZapierAsync(secret, new { name = "Zap Lista", phone = new[] { "1" } });
        var lead = await WaitForLeadAsync(owner, "Zap Lista");
        Assert.Null((string?)lead["phone"]);
        Assert.Equal("1", (string?)lead["phone_raw"]);
        var items = (await owner.GetJsonAsync("/api/v1/webhooks/inbox"))["items"]!.AsArray();
        Assert.Contains(items, i => i!["warnings"]!.AsArray().Any(w => ((string?)w)!.Contains("phone")));
        await SendZapierAsync(secret, new { name = "Zap Lista Boa", phone = new[] { "11 98888-3434" } });
        Assert.Equal("+5511988883434", (string?)(await WaitForLeadAsync(owner, "Zap Lista Boa"))["phone"]);
    }

    [Fact]
    public async Task A_zapier_amount_sent_as_a_json_number_is_exact()
    {
        var (owner, secret) = await ZapierAsync();
        await SendZapierAsync(secret, new { name = "Zap Número", valor = 1.234m });
        Assert.Equal(1.23m, (decimal)(await WaitForLeadAsync(owner, "Zap Número"))["value"]!);
    }

    [Fact]
    public async Task An_unreadable_zapier_amount_still_creates_the_lead_keeps_the_text_and_warns_on_the_inbox_item()
    {
        var (owner, secret) = await ZapierAsync();
        await SendZapierAsync(secret, new { name = "Zap Ilegível", valor = "uns 5 mil" });
        var lead = await WaitForLeadAsync(owner, "Zap Ilegível");
        Assert.Equal(0m, (decimal)lead["value"]!);
        Assert.Equal("uns 5 mil", (string?)lead["custom_fields"]!["value_raw"]);
        var item = (await owner.GetJsonAsync("/api/v1/webhooks/inbox?status=processed"))["items"]!.AsArray().Single()!;
        Assert.Contains("uns 5 mil", (string?)item["warnings"]![0]);
    }

    [Fact]
    public async Task A_meta_custom_question_with_an_amount_sets_the_value_and_keeps_the_answer()
    {
        var owner = await app.RegisterAsync();
        var pageId = $"77{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = $"EAAB-{pageId}" } } })).ExpectAsync(HttpStatusCode.OK);
        var leadgen = $"88{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Meta Orçamento", ["qual_o_seu_orçamento?"] = "R$ 1.500,00" };
        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = pageId, ["time"] = 1764072000,
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "leadgen", ["value"] = new JsonObject { ["leadgen_id"] = leadgen, ["page_id"] = pageId } }),
            }),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.MetaSecret, bytes));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        var lead = await WaitForLeadAsync(owner, "Meta Orçamento");
        Assert.Equal(1500m, (decimal)lead["value"]!);
        Assert.Equal("R$ 1.500,00", (string?)lead["custom_fields"]!["qual_o_seu_orçamento?"]);
    }
}

public sealed class InboundAmountsTestsOnSqlite(InboundSqliteApp app) : InboundAmountsTests(app), IClassFixture<InboundSqliteApp>;

public sealed class InboundAmountsTestsOnPostgres(InboundPostgresApp app) : InboundAmountsTests(app), IClassFixture<InboundPostgresApp>;
