using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>
/// Issue 13, part 1: a lead is never lost over its phone. Both spellings of a Brazilian mobile (with and without the
/// ninth digit) are one person through every door; trunk zeros and carrier codes parse; an unreadable phone from a
/// webhook or an import keeps the lead with its raw text and a warning.
/// </summary>
public abstract class BrazilianPhonesTests(InboundAppBase app)
{
    private const string Mobile = "+5541988776655";
    private const string WaIdWithoutNinthDigit = "554188776655";
    private static long _counter = 4_188_000_000;

    private async Task<(Session Owner, string PhoneNumberId)> ConnectWhatsAppAsync()
    {
        var owner = await app.RegisterAsync();
        var phoneNumberId = Interlocked.Increment(ref _counter).ToString();
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = $"EAAG-{phoneNumberId}" })).ExpectAsync(HttpStatusCode.OK);
        return (owner, phoneNumberId);
    }

    private async Task PostWhatsAppTextAsync(string phoneNumberId, string from, string text)
    {
        var message = new JsonObject
        {
            ["from"] = from, ["id"] = $"wamid.{Guid.NewGuid():N}", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = text },
        };
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "554140000000", ["phone_number_id"] = phoneNumberId },
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Cliente Curitiba" }, ["wa_id"] = from }),
            ["messages"] = new JsonArray(message),
        };
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = "102290129340398", ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }) }),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.WhatsAppSecret, bytes));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    private async Task<(Session Owner, string PageId)> ConnectPageAsync()
    {
        var owner = await app.RegisterAsync();
        var pageId = $"41{Interlocked.Increment(ref _counter)}";
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = $"EAAB-{pageId}" } } })).ExpectAsync(HttpStatusCode.OK);
        return (owner, pageId);
    }

    private async Task PostLeadgenAsync(string pageId, string leadgenId)
    {
        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = pageId, ["time"] = 1764072000,
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "leadgen", ["value"] = new JsonObject { ["leadgen_id"] = leadgenId, ["page_id"] = pageId, ["form_id"] = "880000000001" } }),
            }),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.MetaSecret, bytes));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    private async Task PostZapierAsync(Session owner, object body)
    {
        var secret = (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Webhook-Secret", secret);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    private static async Task<JsonNode> ProcessedInboxItemAsync(Session owner) =>
        (await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", b => b["items"]!.AsArray().Any(i => (string?)i!["status"] == "processed")))["items"]!
            .AsArray().First(i => (string?)i!["status"] == "processed")!;

    private static async Task<JsonNode> ImportAsync(Session owner, string csv)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "leads.csv" } };
        return await (await owner.Client.PostAsync("/api/v1/leads/import", form)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_twelve_digit_whatsapp_sender_matches_the_existing_lead_and_replies_go_to_its_wa_id()
    {
        var (owner, phoneNumberId) = await ConnectWhatsAppAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Rafaela Curitiba", phone = "(41) 98877-6655" });
        Assert.Equal(Mobile, (string?)lead["phone"]);

        await PostWhatsAppTextAsync(phoneNumberId, WaIdWithoutNinthDigit, "Oi, ainda tem a proposta?");
        var id = (string)lead["id"]!;
        await Eventually.GetAsync(owner, $"/api/v1/leads/{id}/messages", b => (int)b["total"]! == 1);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
        var matched = await owner.GetJsonAsync($"/api/v1/leads/{id}");
        Assert.Equal(Mobile, (string?)matched["phone"]);
        Assert.Equal(WaIdWithoutNinthDigit, (string?)matched["whatsapp_id"]);

        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/messages", new { text = "Tem sim!" })).ExpectAsync(HttpStatusCode.Created);
        var sent = JsonNode.Parse(app.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId).Body)!;
        Assert.Equal(WaIdWithoutNinthDigit, (string?)sent["to"]);
    }

    [Fact]
    public async Task A_new_twelve_digit_whatsapp_sender_is_stored_with_the_ninth_digit_and_matches_every_other_door()
    {
        var (owner, phoneNumberId) = await ConnectWhatsAppAsync();
        await PostWhatsAppTextAsync(phoneNumberId, WaIdWithoutNinthDigit, "Olá");
        var lead = (await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.{Uri.EscapeDataString(Mobile)}", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.Equal(WaIdWithoutNinthDigit, (string?)lead["whatsapp_id"]);

        var again = await owner.CreateLeadAsync(new { name = "Outra Grafia", phone = "41 8877-6655" }, HttpStatusCode.OK);
        Assert.Equal((string?)lead["id"], (string?)again["id"]);
        await PostZapierAsync(owner, new { name = "Pelo Zapier", whatsapp = WaIdWithoutNinthDigit, id = "zap-1" });
        await Eventually.GetAsync(owner, $"/api/v1/leads/{lead["id"]}", l => ((JsonArray)l["sources"]!).Any(s => (string?)s == "zapier"));
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

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
        await PostLeadgenAsync(pageId, leadgen);
        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads?source=eq.meta_ads", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.Equal("Júlia Sem Fone", (string?)lead["name"]);
        Assert.Null((string?)lead["phone"]);
        Assert.Equal("não tenho", (string?)lead["phone_raw"]);
        var item = await ProcessedInboxItemAsync(owner);
        Assert.Contains(item["warnings"]!.AsArray(), w => ((string)w!).Contains("'não tenho'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_meta_lead_without_the_ninth_digit_merges_into_the_existing_lead()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var existing = await owner.CreateLeadAsync(new { name = "Já Cadastrada", phone = Mobile });
        var leadgen = $"78{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Pelo Formulário", ["phone_number"] = "+" + WaIdWithoutNinthDigit };
        await PostLeadgenAsync(pageId, leadgen);
        var merged = await Eventually.GetAsync(owner, $"/api/v1/leads/{existing["id"]}", l => ((JsonArray)l["sources"]!).Any(s => (string?)s == "meta_ads"));
        Assert.Equal(Mobile, (string?)merged["phone"]);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
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
        var report = await ImportAsync(owner, csv);
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

    [Fact]
    public async Task Merging_moves_the_phone_and_its_whatsapp_id_so_replies_still_reach_the_customer()
    {
        var (owner, phoneNumberId) = await ConnectWhatsAppAsync();
        await PostWhatsAppTextAsync(phoneNumberId, WaIdWithoutNinthDigit, "Oi");
        var fromWhatsApp = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        await Eventually.GetAsync(owner, $"/api/v1/leads/{fromWhatsApp["id"]}/messages", b => (int)b["total"]! == 1);
        var target = await owner.CreateLeadAsync(new { name = "Cadastro Completo", email = $"completo{phoneNumberId}@exemplo.com" });

        var merged = await (await owner.Client.PostAsJsonAsync("/api/v1/leads/merge", new { target_id = target["id"], source_id = fromWhatsApp["id"] })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Mobile, (string?)merged["phone"]);
        Assert.Equal(WaIdWithoutNinthDigit, (string?)merged["whatsapp_id"]);
        Assert.Equal((string?)target["id"], (string?)(await owner.CreateLeadAsync(new { name = "De Novo", phone = WaIdWithoutNinthDigit }, HttpStatusCode.OK))["id"]);

        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{target["id"]}/messages", new { text = "Seguimos por aqui" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(WaIdWithoutNinthDigit, (string?)JsonNode.Parse(app.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId).Body)!["to"]);
    }
}

public sealed class BrazilianPhonesTestsOnSqlite(InboundSqliteApp app) : BrazilianPhonesTests(app), IClassFixture<InboundSqliteApp>;

public sealed class BrazilianPhonesTestsOnPostgres(InboundPostgresApp app) : BrazilianPhonesTests(app), IClassFixture<InboundPostgresApp>;
