using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>
/// Issue 13, part 1: a lead is never lost over its phone. Both spellings of a Brazilian mobile (with and without the
/// ninth digit) are one person (every door: <see cref="WhatsAppIdSpellingTests"/>); trunk zeros and carrier codes
/// parse; an unreadable phone from a webhook or an import keeps the lead with its raw text and a warning.
/// </summary>
public abstract class BrazilianPhonesTests(InboundAppBase app)
{
    private const string Mobile = "+5541988776655";

    private async Task<(Session Owner, string PageId)> ConnectPageAsync()
    {
        var owner = await app.RegisterAsync();
        return (owner, await InboundDoors.ConnectMetaPageAsync(owner));
    }

    private async Task PostZapierAsync(Session owner, object body) => await app.SendZapierAsync(await InboundDoors.ZapierSecretAsync(owner), body);

    private static async Task<JsonNode> ProcessedInboxItemAsync(Session owner) =>
        (await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", b => b["items"]!.AsArray().Any(i => (string?)i!["status"] == "processed")))["items"]!
            .AsArray().First(i => (string?)i!["status"] == "processed")!;

    [Theory]
    [InlineData("554188776655")]
    [InlineData("+55 41 8877-6655")]
    [InlineData("(41) 8877-6655")]
    [InlineData("041 98877-6655")]
    [InlineData("0 21 41 98877-6655")]
    public async Task The_api_treats_every_spelling_of_a_mobile_as_the_same_lead(string spelling)
    {
        var owner = await app.RegisterAsync();
        var first = await owner.CreateLeadAsync(new { name = "Primeira", phone = Mobile });
        var second = await owner.CreateLeadAsync(new { name = "Segunda", phone = spelling }, HttpStatusCode.OK);
        Assert.Equal((string?)first["id"], (string?)second["id"]);
        Assert.Equal(Mobile, (string?)second["phone"]);
    }

    [Fact]
    public async Task Searching_by_any_spelling_of_a_phone_finds_its_lead()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Busca Fone", phone = Mobile });
        foreach (var q in new[] { "(41) 8877-6655", "041 98877-6655", "554188776655", "98877-6655" })
        {
            var found = (await owner.GetJsonAsync($"/api/v1/leads?q={Uri.EscapeDataString(q)}"))["items"]!.AsArray();
            Assert.Equal((string?)lead["id"], (string?)Assert.Single(found)!["id"]);
        }
    }

    [Theory]
    [InlineData("021 98888-7777", "+5521988887777")]
    [InlineData("(021) 98888-7777", "+5521988887777")]
    [InlineData("0 21 21 98888-7777", "+5521988887777")]
    [InlineData("0 41 11 3333-4444", "+551133334444")]
    [InlineData("5511987654321", "+5511987654321")]
    public async Task The_api_reads_trunk_zeros_and_carrier_codes_with_the_workspace_region(string phone, string e164)
    {
        var owner = await app.RegisterAsync();
        Assert.Equal(e164, (string?)(await owner.CreateLeadAsync(new { name = "Discagem", phone }))["phone"]);
    }

    [Fact]
    public async Task The_api_still_refuses_a_phone_that_is_no_number()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Sem Telefone", phone = "não tenho" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["phone"]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task A_meta_lead_with_an_unreadable_phone_is_kept_with_phone_raw_and_a_warning()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var leadgen = $"77{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Júlia Sem Fone", ["email"] = $"julia{pageId}@exemplo.com", ["phone_number"] = "não tenho" };
        await app.PostLeadgenAsync(pageId, leadgen);
        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads?source=eq.meta_ads", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.Equal("Júlia Sem Fone", (string?)lead["name"]);
        Assert.Null((string?)lead["phone"]);
        Assert.Equal("não tenho", (string?)lead["phone_raw"]);
        var item = await ProcessedInboxItemAsync(owner);
        Assert.Contains(item["warnings"]!.AsArray(), w => ((string)w!).Contains("'não tenho'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_zapier_lead_with_an_unreadable_phone_is_kept_with_phone_raw_and_a_warning()
    {
        var owner = await app.RegisterAsync();
        await PostZapierAsync(owner, new { name = "Zap Sem Fone", phone = "123" });
        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.Null((string?)lead["phone"]);
        Assert.Equal("123", (string?)lead["phone_raw"]);
        var item = await ProcessedInboxItemAsync(owner);
        Assert.Contains(item["warnings"]!.AsArray(), w => ((string)w!).Contains("'123'", StringComparison.Ordinal));

        // A rep who sets the right phone clears the raw text.
        var fixedLead = await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead["id"]}", new { phone = "(41) 98877-6655" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Mobile, (string?)fixedLead["phone"]);
        Assert.Null((string?)fixedLead["phone_raw"]);
    }

    [Fact]
    public async Task The_import_matches_both_spellings_reads_trunk_zeros_and_keeps_unreadable_phones_as_warnings()
    {
        var owner = await app.RegisterAsync();
        var existing = await owner.CreateLeadAsync(new { name = "Ana Existente", phone = Mobile });
        var csv = "name;phone;company\n" +
                  "Ana de Novo;554188776655;Padaria Ana\n" +
                  "Bruno Sem Fone;não tenho;\n" +
                  "Carla Rio;0 21 21 98888-7777;\n" +
                  "Carla Repetida;(021) 98888-7777;Loja Carla\n" +
                  "Davi Fixo;0 41 11 3333-4444;\n";
        var report = await InboundDoors.ImportCsvAsync(owner, csv);
        Assert.Equal(5, (int)report["total"]!);
        Assert.Equal(3, (int)report["created"]!);
        Assert.Equal(2, (int)report["updated"]!);
        Assert.Equal(0, (int)report["invalid"]!);
        var warning = report["warnings"]!.AsArray().Single()!;
        Assert.Equal(3, (int)warning["row"]!);
        Assert.Contains("'não tenho'", (string?)warning["warnings"]!["phone"]![0]);

        Assert.Equal("Padaria Ana", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{existing["id"]}"))["company"]);
        var bruno = (await owner.GetJsonAsync("/api/v1/leads?name=eq.Bruno%20Sem%20Fone"))["items"]![0]!;
        Assert.Null((string?)bruno["phone"]);
        Assert.Equal("não tenho", (string?)bruno["phone_raw"]);
        Assert.Equal("Loja Carla", (string?)(await owner.GetJsonAsync("/api/v1/leads?phone=eq.%2B5521988887777"))["items"]![0]!["company"]);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads?phone=eq.%2B551133334444"))["total"]!);
        Assert.Equal(4, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

}

public sealed class BrazilianPhonesTestsOnSqlite(InboundSqliteApp app) : BrazilianPhonesTests(app), IClassFixture<InboundSqliteApp>;

public sealed class BrazilianPhonesTestsOnPostgres(InboundPostgresApp app) : BrazilianPhonesTests(app), IClassFixture<InboundPostgresApp>;
