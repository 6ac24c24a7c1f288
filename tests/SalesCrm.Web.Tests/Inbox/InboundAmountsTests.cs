using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Inbox;

/// <summary>Amounts that Zapier and Meta lead forms send as text, read in the workspace's culture; an unreadable one never becomes 0.</summary>
public abstract class InboundAmountsTests(InboundAppBase app)
{
    private Task SendZapierAsync(string secret, object body) => app.SendZapierAsync(secret, body);

    /// <summary>JSON written by hand, so numbers reach the receiver exactly as typed (<c>1.500</c>, <c>1e30</c>).</summary>
    private async Task SendRawJsonAsync(string secret, string json) =>
        Assert.Equal(HttpStatusCode.OK, (await app.PostZapierAsync(secret, new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode);

    private static Task<JsonNode> WaitForLeadAsync(Session owner, string name) => InboundDoors.LeadNamedAsync(owner, name);

    /// <summary>A Meta lead whose form answers are <paramref name="answers"/>, sent to a newly connected page of a new workspace.</summary>
    private async Task<Session> MetaLeadAsync(Dictionary<string, string> answers)
    {
        var owner = await app.RegisterAsync();
        var pageId = await InboundDoors.ConnectMetaPageAsync(owner);
        app.Graph.Leads[$"88{pageId}"] = answers;
        await app.PostLeadgenAsync(pageId, $"88{pageId}");
        return owner;
    }

    [Theory]
    [InlineData("1.500,00", "1500")]
    [InlineData("R$ 1.500", "1500")]
    [InlineData("2.000.000", "2000000")]
    [InlineData("R$ 1.234,56", "1234.56")]
    [InlineData("1500", "1500")]
    public async Task Zapier_amounts_typed_the_brazilian_way_are_read_in_the_workspace_culture(string text, string expected)
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await SendZapierAsync(secret, new { name = "Zap Valor", value = text });
        var lead = await WaitForLeadAsync(owner, "Zap Valor");
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (decimal)lead["value"]!);
    }

    [Fact]
    public async Task A_zapier_lead_the_rules_refuse_fails_at_once_naming_its_fields_instead_of_retrying()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
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
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await SendZapierAsync(secret, new { name = "Zap\u0000Nul", phone = "11 98888-1212" });
        var lead = await WaitForLeadAsync(owner, "ZapNul");
        Assert.Equal("+5511988881212", (string?)lead["phone"]);
    }

    [Fact]
    public async Task A_zapier_phone_sent_as_a_list_is_kept_as_phone_raw_with_a_warning()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await SendZapierAsync(secret, new { name = "Zap Lista", phone = new[] { "1" } });
        var lead = await WaitForLeadAsync(owner, "Zap Lista");
        Assert.Null((string?)lead["phone"]);
        Assert.Equal("1", (string?)lead["phone_raw"]);
        var items = (await owner.GetJsonAsync("/api/v1/webhooks/inbox"))["items"]!.AsArray();
        Assert.Contains(items, i => i!["warnings"]!.AsArray().Any(w => ((string?)w)!.Contains("phone")));
        await SendZapierAsync(secret, new { name = "Zap Lista Boa", phone = new[] { "11 98888-3434" } });
        Assert.Equal("+5511988883434", (string?)(await WaitForLeadAsync(owner, "Zap Lista Boa"))["phone"]);
    }

    [Theory]
    [InlineData("1500.12", "1500.12")]
    [InlineData("1.500", "1.5")]
    [InlineData("1500.120", "1500.12")]
    [InlineData("1.5e3", "1500")]
    [InlineData("2000000", "2000000")]
    public async Task A_zapier_amount_sent_as_a_json_number_is_read_as_a_number_not_in_the_culture(string number, string expected)
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await SendRawJsonAsync(secret, $$"""{"name":"Zap Número","valor":{{number}}}""");
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (decimal)(await WaitForLeadAsync(owner, "Zap Número"))["value"]!);
    }

    [Theory]
    [InlineData("1500.123")]
    [InlineData("1.234")]
    [InlineData("-5")]
    [InlineData("1e30")]
    public async Task A_zapier_json_number_that_is_no_amount_is_not_rounded_the_lead_keeps_it_as_value_raw_with_a_warning(string number)
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await SendRawJsonAsync(secret, $$"""{"name":"Money 25","valor":{{number}}}""");
        var lead = await WaitForLeadAsync(owner, "Money 25");
        Assert.Equal((0m, number), ((decimal)lead["value"]!, (string?)lead["custom_fields"]!["value_raw"]));
        var item = (await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox?status=processed", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.StartsWith($"valor: {number} is not an amount", (string?)Assert.Single(item["warnings"]!.AsArray()));
    }

    [Fact]
    public async Task An_unreadable_zapier_amount_still_creates_the_lead_keeps_the_text_and_warns_on_the_inbox_item()
    {
        var (owner, secret) = await app.ZapierWorkspaceAsync();
        await SendZapierAsync(secret, new { name = "Zap Ilegível", valor = "uns 5 mil" });
        var lead = await WaitForLeadAsync(owner, "Zap Ilegível");
        Assert.Equal(0m, (decimal)lead["value"]!);
        Assert.Equal("uns 5 mil", (string?)lead["custom_fields"]!["value_raw"]);
        var item = (await owner.GetJsonAsync("/api/v1/webhooks/inbox?status=processed"))["items"]!.AsArray().Single()!;
        Assert.Contains("uns 5 mil", (string?)item["warnings"]![0]);
    }

    [Theory]
    [InlineData("R$ 1.500,00", "1500")]
    [InlineData("1500.12", "1500.12")]
    [InlineData("1500.123", null)]
    [InlineData("1.234.567,891", null)]
    public async Task A_meta_custom_question_with_an_amount_sets_the_value_by_the_same_rule_and_keeps_the_answer(string answer, string? expected)
    {
        var owner = await MetaLeadAsync(new() { ["full_name"] = "Meta Orçamento", ["qual_o_seu_orçamento?"] = answer });
        var lead = await WaitForLeadAsync(owner, "Meta Orçamento");
        Assert.Equal(expected is null ? 0m : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (decimal)lead["value"]!);
        Assert.Equal(answer, (string?)lead["custom_fields"]!["qual_o_seu_orçamento?"]);
        var warnings = (await owner.GetJsonAsync("/api/v1/webhooks/inbox?status=processed"))["items"]![0]!["warnings"]!.AsArray();
        if (expected is null) Assert.Contains($"'{answer}' is not an amount", (string?)Assert.Single(warnings));
        else Assert.Empty(warnings);
    }
}

public sealed class InboundAmountsTestsOnSqlite(InboundSqliteApp app) : InboundAmountsTests(app), IClassFixture<InboundSqliteApp>;

public sealed class InboundAmountsTestsOnPostgres(InboundPostgresApp app) : InboundAmountsTests(app), IClassFixture<InboundPostgresApp>;
