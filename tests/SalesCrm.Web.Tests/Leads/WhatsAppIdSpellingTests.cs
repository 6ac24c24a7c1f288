using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using static SalesCrm.Web.Tests.Messaging.WhatsAppWebhook;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>
/// A mobile that WhatsApp names in an outdated spelling — Brazil without its ninth digit (<c>554188776655</c>), Mexico
/// with the 1 after 52 (<c>5215512345678</c>) — is one person with its current number through every door (API, CSV
/// import, WhatsApp, Meta, Zapier, merge, search), and replies go to the <c>wa_id</c> as WhatsApp gave it. A sender id
/// that is no phone at all keeps its messages.
/// </summary>
public abstract class WhatsAppIdSpellingTests(InboundAppBase app)
{
    /// <summary>WhatsApp's id, the current E.164 number, and the old spelling as a person types it.</summary>
    public static TheoryData<string, string, string> Spellings => new()
    {
        { "554188776655", "+5541988776655", "(41) 8877-6655" },
        { "5215512345678", "+525512345678", "+52 1 55 1234 5678" },
    };

    private string LastSentTo(string phoneNumberId) => (string)JsonNode.Parse(app.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId).Body)!["to"]!;

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_whatsapp_sender_in_an_old_spelling_matches_the_existing_lead_and_replies_go_to_its_wa_id(string waId, string e164, string typed)
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        var lead = await owner.CreateLeadAsync(new { name = "Cliente Antigo", phone = e164 });
        var id = (string)lead["id"]!;

        await SendTextAsync(app, phoneNumberId, waId, "Hola, ¿sigue la oferta?", "Cliente");
        await Eventually.GetAsync(owner, $"/api/v1/leads/{id}/messages", b => (int)b["total"]! == 1);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
        var matched = await owner.GetJsonAsync($"/api/v1/leads/{id}");
        Assert.Equal((e164, waId), ((string?)matched["phone"], (string?)matched["whatsapp_id"]));

        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/messages", new { text = "¡Sí!" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(waId, LastSentTo(phoneNumberId));
        Assert.Equal(id, (string?)(await owner.CreateLeadAsync(new { name = "Otra Grafía", phone = typed }, HttpStatusCode.OK))["id"]);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_new_whatsapp_sender_in_an_old_spelling_is_stored_with_its_current_number_and_every_door_finds_it(string waId, string e164, string typed)
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        await SendTextAsync(app, phoneNumberId, waId, "Olá", "Cliente");
        var lead = (await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.{Uri.EscapeDataString(e164)}", b => (int)b["total"]! == 1))["items"]![0]!;
        var id = (string)lead["id"]!;
        Assert.Equal(waId, (string?)lead["whatsapp_id"]);

        Assert.Equal(id, (string?)(await owner.CreateLeadAsync(new { name = "Pela API", phone = typed }, HttpStatusCode.OK))["id"]);
        await app.SendZapierAsync(await InboundDoors.ZapierSecretAsync(owner), new { name = "Pelo Zapier", whatsapp = waId, id = $"zap-{waId}" });
        var pageId = await InboundDoors.ConnectMetaPageAsync(owner);
        app.Graph.Leads[$"77{pageId}"] = new() { ["full_name"] = "Pelo Formulário", ["phone_number"] = "+" + waId };
        await app.PostLeadgenAsync(pageId, $"77{pageId}");
        await Eventually.GetAsync(owner, $"/api/v1/leads/{id}", l => l["sources"]!.AsArray().Select(s => (string?)s).Intersect(["zapier", "meta_ads"]).Count() == 2);
        var report = await InboundDoors.ImportCsvAsync(owner, $"name;phone;company\nPela Planilha;{waId};Empresa do Cliente\n");
        Assert.Equal((1, 0), ((int)report["updated"]!, (int)report["created"]!));
        foreach (var q in new[] { waId, typed, e164 })
            Assert.Equal(id, (string?)Assert.Single((await owner.GetJsonAsync($"/api/v1/leads?q={Uri.EscapeDataString(q)}"))["items"]!.AsArray())!["id"]);

        var found = await owner.GetJsonAsync($"/api/v1/leads/{id}");
        Assert.Equal((e164, waId, "Empresa do Cliente"), ((string?)found["phone"], (string?)found["whatsapp_id"], (string?)found["company"]));
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Merging_moves_the_phone_and_its_whatsapp_id_so_replies_still_reach_the_customer(string waId, string e164, string typed)
    {
        var (owner, phoneNumberId) = await ConnectAsync(app);
        await SendTextAsync(app, phoneNumberId, waId, "Oi", "Cliente");
        var fromWhatsApp = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        await Eventually.GetAsync(owner, $"/api/v1/leads/{fromWhatsApp["id"]}/messages", b => (int)b["total"]! == 1);
        var target = await owner.CreateLeadAsync(new { name = "Cadastro Completo", email = $"completo{phoneNumberId}@exemplo.com" });

        var merged = await (await owner.Client.PostAsJsonAsync("/api/v1/leads/merge", new { target_id = target["id"], source_id = fromWhatsApp["id"] })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((e164, waId), ((string?)merged["phone"], (string?)merged["whatsapp_id"]));
        Assert.Equal((string?)target["id"], (string?)(await owner.CreateLeadAsync(new { name = "De Novo", phone = typed }, HttpStatusCode.OK))["id"]);

        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{target["id"]}/messages", new { text = "Seguimos por aqui" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(waId, LastSentTo(phoneNumberId));
    }

    [Fact]
    public async Task A_sender_id_that_is_no_phone_number_keeps_its_messages_on_one_lead_with_phone_raw_and_replies_go_to_it()
    {
        const string unknown = "9991234567"; // digits, as WhatsApp ids are, but no country libphonenumber knows
        var (owner, phoneNumberId) = await ConnectAsync(app);
        await SendTextAsync(app, phoneNumberId, unknown, "Primeira", "Número Novo");
        await SendTextAsync(app, phoneNumberId, unknown, "Segunda", "Número Novo");

        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        Assert.Equal(("Número Novo", null, "+" + unknown, unknown), ((string?)lead["name"], (string?)lead["phone"], (string?)lead["phone_raw"], (string?)lead["whatsapp_id"]));
        await Eventually.GetAsync(owner, $"/api/v1/leads/{lead["id"]}/messages", b => (int)b["total"]! == 2);
        var items = (await ProcessedAsync(owner, 2))["items"]!.AsArray();
        Assert.All(items, i => Assert.Contains($"sender '{unknown}' is not a phone number; the message was kept on lead {lead["id"]}", (string?)i!["warnings"]![0]));

        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{lead["id"]}/messages", new { text = "Recebido" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(unknown, LastSentTo(phoneNumberId));
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }
}

public sealed class WhatsAppIdSpellingTestsOnSqlite(InboundSqliteApp app) : WhatsAppIdSpellingTests(app), IClassFixture<InboundSqliteApp>;

public sealed class WhatsAppIdSpellingTestsOnPostgres(InboundPostgresApp app) : WhatsAppIdSpellingTests(app), IClassFixture<InboundPostgresApp>;
