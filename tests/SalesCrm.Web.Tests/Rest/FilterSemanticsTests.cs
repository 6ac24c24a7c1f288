using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Rest;

/// <summary>
/// One table of PostgREST filters and the leads each must return, run on SQLite and PostgreSQL, through both the
/// /api/v1 list and the /rest/v1 read surface: the two providers and the two surfaces must agree with PostgREST.
/// </summary>
public abstract class FilterSemanticsTests(CrmAppFactory app)
{
    private static readonly ConcurrentDictionary<CrmAppFactory, Lazy<Task<Session>>> Worlds = new();

    public static TheoryData<string, string[]> Table => new()
    {
        // like is case-sensitive, ilike ignores case including accented capitals; * and % are wildcards, _ one character.
        { "name=ilike.*joão*", ["JOÃO DA SILVA"] },
        { "name=ilike.*ÉRICA*", ["Érica Gonçalves"] },
        { "name=like.*Ana*", ["Ana Paula"] },
        { "name=like.*ana*", ["ana souza"] },
        { "name=ilike.*ana*", ["ana souza", "Ana Paula"] },
        { "name=ilike.%silva%", ["JOÃO DA SILVA", "Silva, Pedro (filho)"] },
        { "name=like.ana_souza", ["ana souza"] },
        { "name=like.100\\%*", ["100% Bruno_X"] },
        { "name=like.*o\\_X", ["100% Bruno_X"] },
        // SQL three-valued logic: a NULL column never satisfies neq / not.in / not.like; eq.null is the text.
        { "lost_reason=neq.preço", ["JOÃO DA SILVA"] },
        { "company=neq.Acme", ["JOÃO DA SILVA", "Ana Paula", "Silva, Pedro (filho)"] },
        { "company=not.in.(Acme)", ["JOÃO DA SILVA", "Ana Paula", "Silva, Pedro (filho)"] },
        { "company=not.like.A*", ["JOÃO DA SILVA", "Ana Paula", "Silva, Pedro (filho)"] },
        { "company=eq.null", ["Ana Paula"] },
        { "company=is.null", ["ana souza", "100% Bruno_X"] },
        { "company=not.is.null", ["JOÃO DA SILVA", "Érica Gonçalves", "Ana Paula", "Silva, Pedro (filho)"] },
        // in.(…) with quotes, escaped quotes, commas and parentheses.
        { "name=in.(\"Silva, Pedro (filho)\",ana souza)", ["ana souza", "Silva, Pedro (filho)"] },
        { "company=in.(\"Say \\\"hi\\\"\")", ["Silva, Pedro (filho)"] },
        // Logical groups, nested and negated.
        { "or=(name.ilike.*érica*,company.eq.null)", ["Érica Gonçalves", "Ana Paula"] },
        { "or=(company.eq.Acme,and(name.like.ana*,company.is.null))", ["Érica Gonçalves", "ana souza"] },
        { "not.or=(company.eq.Acme,company.eq.null)", ["JOÃO DA SILVA", "Silva, Pedro (filho)"] },
        { "and=(value.gte.500,company.not.eq.Acme)", ["JOÃO DA SILVA"] },
        { "or=(name.eq.\"Silva, Pedro (filho)\",name.in.(\"ana souza\"))", ["ana souza", "Silva, Pedro (filho)"] },
        // Full-text search (PostgreSQL to_tsvector; SQLite's word approximation).
        { "name=fts.silva", ["JOÃO DA SILVA", "Silva, Pedro (filho)"] },
        { "name=plfts.joão silva", ["JOÃO DA SILVA"] },
        { "name=phfts.da silva", ["JOÃO DA SILVA"] },
        { "name=phfts.silva da", [] },
        { "name=wfts.\"pedro filho\" or érica", ["Érica Gonçalves", "Silva, Pedro (filho)"] },
        { "name=fts.silva & !pedro", ["JOÃO DA SILVA"] },
        // (any) / (all) modifiers with a {…} list, as postgrest-js likeAnyOf / likeAllOf send them.
        { "name=like(any).{*Ana*,*Bruno*}", ["Ana Paula", "100% Bruno_X"] },
        { "name=ilike(all).{*silva*,*pedro*}", ["Silva, Pedro (filho)"] },
        { "name=not.ilike(any).{*silva*,*ana*}", ["Érica Gonçalves", "100% Bruno_X"] },
        { "name=eq(any).{\"Silva, Pedro (filho)\",ana souza}", ["ana souza", "Silva, Pedro (filho)"] },
        { "or=(name.like(any).{*Ana*,*Bruno*},company.eq.Acme)", ["Ana Paula", "100% Bruno_X", "Érica Gonçalves"] },
        // Values are parameters: a NUL or a quote is just text.
        { "name=ilike.*'; drop table leads; --*", [] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task A_filter_returns_the_rows_postgrest_would_on_both_surfaces(string filter, string[] expected)
    {
        var owner = await WorldAsync();
        var query = Escape(filter);
        var page = await owner.GetJsonAsync($"/api/v1/leads?{query}&select=name&limit=100");
        Assert.Equal(expected.Order(), page["items"]!.AsArray().Select(i => (string)i!["name"]!).Order());
        var rows = await owner.GetJsonAsync($"/rest/v1/leads?{query}&select=name");
        Assert.Equal(expected.Order(), rows.AsArray().Select(i => (string)i!["name"]!).Order());
    }

    [Fact]
    public async Task Nulls_sort_last_ascending_and_first_descending_unless_the_order_says_otherwise()
    {
        var owner = await WorldAsync();
        async Task<string?[]> Companies(string order) =>
            (await owner.GetJsonAsync($"/rest/v1/leads?select=company&order={order}")).AsArray().Select(i => (string?)i!["company"]).ToArray();
        Assert.All((await Companies("company.asc.nullsfirst"))[..2], Assert.Null);
        Assert.All((await Companies("company.asc"))[^2..], Assert.Null);
        Assert.All((await Companies("company.desc"))[..2], Assert.Null);
        Assert.All((await Companies("company.desc.nullslast"))[^2..], Assert.Null);
        Assert.NotNull((await Companies("company.asc.nullsfirst"))[2]);
        Assert.Equal("Acme", (await Companies("company.asc"))[0]);
    }

    [Theory]
    [InlineData("name=like.abc\\")]
    [InlineData("name=eq.a%00b")]
    [InlineData("or=(name.eq.a%00b,name.is.null)")]
    [InlineData("or=(name.eq.a")]
    [InlineData("or=(name.eq.a))")]
    [InlineData("name=fts(klingon).a")]
    [InlineData("order=name.sideways")]
    [InlineData("name=in.(\"a)")]
    public async Task A_malformed_filter_is_a_400_not_a_5xx(string filter)
    {
        var owner = await WorldAsync();
        await (await owner.Client.GetAsync($"/api/v1/leads?{Escape(filter)}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.GetAsync($"/rest/v1/leads?{Escape(filter)}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    /// <summary>Percent-encodes a filter's values the way a client would, keeping %XX escapes the table spells out.</summary>
    private static string Escape(string filter)
    {
        var equals = filter.IndexOf('=');
        var value = Uri.UnescapeDataString(filter[(equals + 1)..]);
        return filter[..equals] + "=" + Uri.EscapeDataString(value);
    }

    private Task<Session> WorldAsync() => Worlds.GetOrAdd(app, a => new Lazy<Task<Session>>(() => SeedAsync(a))).Value;

    private static async Task<Session> SeedAsync(CrmAppFactory app)
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var joao = await owner.CreateLeadAsync(new { name = "JOÃO DA SILVA", company = "Padaria São João", value = 1000 });
        var erica = await owner.CreateLeadAsync(new { name = "Érica Gonçalves", company = "Acme", value = 500 });
        await owner.CreateLeadAsync(new { name = "ana souza" });
        await owner.CreateLeadAsync(new { name = "Ana Paula", company = "null", value = 10 });
        await owner.CreateLeadAsync(new { name = "Silva, Pedro (filho)", company = "Say \"hi\"" });
        await owner.CreateLeadAsync(new { name = "100% Bruno_X" });
        foreach (var (lead, reason) in new[] { (joao, "prazo"), (erica, "preço") })
            await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead["id"]}/stage", new { stage_id = stages["Perdido"], lost_reason = reason })).ExpectAsync(HttpStatusCode.OK);
        return owner;
    }
}

public sealed class FilterSemanticsTestsOnSqlite(SqliteApp app) : FilterSemanticsTests(app), IClassFixture<SqliteApp>;

public sealed class FilterSemanticsTestsOnPostgres(PostgresApp app) : FilterSemanticsTests(app), IClassFixture<PostgresApp>;
