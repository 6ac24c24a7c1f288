using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Features.Leads;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>
/// The lead list at scale on both databases: text search keeps one meaning whatever index serves it (trigram FTS5 on
/// SQLite, pg_trgm on PostgreSQL), and the total is counted only as far as it is cheap unless asked for exactly.
/// </summary>
public abstract class LeadListApiTests(CrmAppFactory app)
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
            // A full page is followed by a count over the same search.
            var first = await owner.GetJsonAsync($"/api/v1/leads?q={Uri.EscapeDataString(q)}&limit=1");
            Assert.Equal((expected.Length, true), ((int)first["total"]!, (bool)first["total_exact"]!));
        }
    }

    [Fact]
    public async Task The_lists_column_filters_ignore_case_and_accents_on_either_side()
    {
        var owner = await app.RegisterAsync();
        foreach (var p in People) await owner.CreateLeadAsync(new { name = p.Name, company = p.Company, email = p.Email, phone = p.Phone });
        (LeadListFilters Filters, string[] Expected)[] cases =
        [
            (new() { Name = "joao" }, ["João da Silva"]),
            (new() { Name = "JOÃO DA" }, ["João da Silva"]),
            (new() { Name = "araujo" }, ["SILVANA ARAÚJO"]),
            (new() { Name = "érica" }, ["Érica Gonçalves"]),
            (new() { Company = "pao joao" }, []),
            (new() { Company = "são joao" }, ["Érica Gonçalves"]),
            (new() { Company = "otica visao" }, ["Ana Silveira"]),
            (new() { Company = "acai" }, ["SILVANA ARAÚJO"]),
            (new() { Company = "100%" }, ["SILVANA ARAÚJO"]),
            (new() { Email = "JOAO_S" }, ["João da Silva"]),
            (new() { Name = "silva", Company = "ACAI" }, ["SILVANA ARAÚJO"]),
        ];
        foreach (var (filters, expected) in cases)
        {
            var query = string.Join("&", filters.ToConditions(DateTime.UtcNow.Date, d => d).Select(c => FilterGrammar.Format(c).Split('=', 2))
                .Select(kv => $"{Uri.EscapeDataString(kv[0])}={Uri.EscapeDataString(kv[1])}"));
            var found = (await owner.GetJsonAsync($"/api/v1/leads?{query}&limit=500"))["items"]!.AsArray().Select(i => (string)i!["name"]!).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(found), $"{query}: expected [{string.Join(", ", expected)}] but found [{string.Join(", ", found)}]");
        }
        // An API client may send the value with its accents, in either Unicode form: it is folded as the column is.
        foreach (var value in new[] { "*JOÃO*", "*Joa\u0303o*", "*joao*" })
            Assert.Equal(["João da Silva"], (await owner.GetJsonAsync($"/api/v1/leads?name_folded=ilike.{Uri.EscapeDataString(value)}"))["items"]!.AsArray().Select(i => (string?)i!["name"]));
        Assert.Equal(["Ana Silveira"], (await owner.GetJsonAsync($"/api/v1/leads?company_folded=ilike.{Uri.EscapeDataString("*Ótica Visão*")}"))["items"]!.AsArray().Select(i => (string?)i!["name"]));
    }

    [Fact]
    public async Task Past_a_thousand_matches_the_total_is_not_exact_unless_an_exact_count_is_asked()
    {
        var owner = await app.RegisterAsync();
        var stageId = Guid.Parse((await owner.StagesAsync())["Novo"]);
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            var pipelineId = await db.Stages.IgnoreQueryFilters().Where(s => s.Id == stageId).Select(s => s.PipelineId).SingleAsync();
            var now = DateTime.UtcNow;
            db.Leads.AddRange(Enumerable.Range(0, 1_200).Select(i => new Lead
            {
                TenantId = owner.TenantId, Name = $"Volume {i}", PipelineId = pipelineId, StageId = stageId, Position = i, StageEnteredAt = now, CreatedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
            // What autovacuum does soon after a bulk load; PostgreSQL's estimate reads these statistics.
            if (app.Provider == TestProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE leads");
        }
        var page = await owner.GetJsonAsync("/api/v1/leads?limit=50");
        Assert.False((bool)page["total_exact"]!);
        // SQLite stops counting after a thousand; PostgreSQL answers its planner's estimate.
        if (app.Provider == TestProvider.Sqlite) Assert.Equal(1_000, (int)page["total"]!);
        else Assert.InRange((int)page["total"]!, 1_001, 5_000);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/leads?limit=50");
        request.Headers.Add("Prefer", "count=exact");
        var exact = await (await owner.Client.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((1_200, true), ((int)exact["total"]!, (bool)exact["total_exact"]!));
        var narrow = await owner.GetJsonAsync("/api/v1/leads?name=like.Volume%2011*&limit=5");
        Assert.Equal((111, true), ((int)narrow["total"]!, (bool)narrow["total_exact"]!));
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

public sealed class LeadListApiTestsOnSqlite(SqliteApp app) : LeadListApiTests(app), IClassFixture<SqliteApp>;

public sealed class LeadListApiTestsOnPostgres(PostgresApp app) : LeadListApiTests(app), IClassFixture<PostgresApp>;
