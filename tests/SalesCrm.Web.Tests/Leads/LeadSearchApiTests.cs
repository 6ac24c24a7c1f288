using System.Net;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>
/// Text search keeps one meaning on both databases whatever index serves it (trigram FTS5 on SQLite, pg_trgm on
/// PostgreSQL): any substring of the folded name, company or e-mail, phone digits, or the whole phone in any spelling.
/// </summary>
public abstract class LeadSearchApiTests(CrmAppFactory app)
{
    private static readonly (string Name, string? Company, string? Email, string? Phone)[] People =
    [
        ("Érica Gonçalves", "Padaria São João", "erica.g@exemplo.com.br", "(11) 98765-4321"),
        ("João da Silva", null, "joao_silva@exemplo.com.br", "(61) 97078-9286"),
        ("Ana Silveira", "Ótica Visão", null, "(21) 3456-7890"),
        ("SILVANA ARAÚJO", "100% Açaí", "silvana@acai.com", null),
        ("Mariana Søndergaard", "Müller & Cia", "mari@muller.de", "(41) 98877-6655"),
        ("Lia😀 Prado", "Café Grão", null, "(85) 99988-7766"),
    ];

    [Fact]
    public async Task Text_search_finds_exactly_the_leads_whose_folded_text_or_phone_contains_the_query()
    {
        var owner = await app.RegisterAsync();
        var phones = new Dictionary<string, string?>();
        foreach (var p in People)
        {
            var lead = await owner.CreateLeadAsync(new { name = p.Name, company = p.Company, email = p.Email, phone = p.Phone });
            phones[p.Name] = (string?)lead["phone"];
        }
        string[] queries =
        [
            "silva", "SÍLVA", "ilv", "são joão", "ão", "a", "sa", "o g", "100%", "0%", "_s", "oao_s", "@exemplo", ".com", "søn", "MÜLLER", "😀",
            "a😀", "ia😀 p", "98765", "765-43", "7078", "(11) 98765-4321", "041 98877-6655", "3456 7890", "zzz", "12", "55",
        ];
        foreach (var q in queries)
        {
            var folded = LeadSearch.Fold(q.Trim());
            var digits = new string(q.Where(char.IsDigit).ToArray());
            var phone = digits.Length >= 8 ? ContactNormalizer.TryNormalizePhone(q, "BR") : null;
            var expected = People.Where(p => LeadSearch.Fold(p.Name, p.Company, p.Email).Contains(folded, StringComparison.Ordinal)
                                             || (digits.Length >= 3 && phones[p.Name]?.Contains(digits, StringComparison.Ordinal) == true)
                                             || (phone is not null && phones[p.Name] == phone))
                .Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
            var found = (await owner.GetJsonAsync($"/api/v1/leads?q={Uri.EscapeDataString(q)}&limit=500"))["items"]!.AsArray()
                .Select(i => (string)i!["name"]!).Order(StringComparer.Ordinal).ToArray();
            Assert.True(expected.SequenceEqual(found), $"q={q}: expected [{string.Join(", ", expected)}] but found [{string.Join(", ", found)}]");
        }
    }

    [Fact]
    public async Task The_list_says_its_total_is_exact_and_counts_everything_when_asked()
    {
        var owner = await app.RegisterAsync();
        for (var i = 0; i < 3; i++) await owner.CreateLeadAsync(new { name = $"Contagem {i}" });
        var page = await owner.GetJsonAsync("/api/v1/leads?limit=2");
        Assert.Equal((3, true), ((int)page["total"]!, (bool)page["total_exact"]!));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/leads?limit=2");
        request.Headers.Add("Prefer", "count=exact");
        var response = await owner.Client.SendAsync(request);
        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((3, true), ((int)body["total"]!, (bool)body["total_exact"]!));
        Assert.Equal("0-1/3", response.Content.Headers.GetValues("Content-Range").Single());
    }
}

public sealed class LeadSearchApiTestsOnSqlite(SqliteApp app) : LeadSearchApiTests(app), IClassFixture<SqliteApp>;

public sealed class LeadSearchApiTestsOnPostgres(PostgresApp app) : LeadSearchApiTests(app), IClassFixture<PostgresApp>;
