using System.Net;
using System.Net.Http.Json;
using SalesCrm.Core.Common;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Assistant;

/// <summary><c>POST /api/v1/chat</c> offline (no chat model) against <see cref="ChatWorld"/>: exact figures, exact lists, visibility and refusals.</summary>
public abstract class ChatApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task Instagram_leads_won_in_October_are_counted_from_the_closings_in_the_workspace_zone()
    {
        var w = await ChatWorld.CreateAsync(app);
        var a = await w.Owner.AskAsync(ChatWorld.InstagramOctober);
        // W1 and W2; W3 closed in November, W5 on 30 September in São Paulo, L1 was lost, W4 came from WhatsApp.
        Assert.Equal((2m, 12000m), (a.Figure(0), a.Figure(1)));
        Assert.Equal(("count", "money", "BRL"), ((string)a["figures"]![0]!["unit"]!, (string)a["figures"]![1]!["unit"]!, (string)a["figures"]![1]!["currency"]!));
        Assert.StartsWith("2 negócios ganhos de 01/10/2026 a 31/10/2026 (de Instagram), somando R$ 12.000,00", (string)a["answer"]!);
        Assert.Equal("offline", (string)a["origin"]!);
        Assert.Equal(("closings", "eq.instagram", "2026-10-01"), ((string)a["query"]!["function"]!, (string)a["query"]!["arguments"]!["source"]!, (string)a["query"]!["arguments"]!["from"]!));
    }

    [Fact]
    public async Task Deals_over_10_thousand_stalled_for_more_than_a_week_are_listed_exactly_largest_first()
    {
        var w = await ChatWorld.CreateAsync(app);
        var a = await w.Owner.AskAsync(ChatWorld.StalledOver10k);
        Assert.Equal(["O2 Grande parado do rep", "O1 Grande parado"], a.LeadNames());
        Assert.Equal((2m, 35000m), (a.Figure(0), a.Figure(1)));
        Assert.StartsWith("/leads/", (string)a["leads"]![0]!["url"]!);
        Assert.Equal(30, (int)a["leads"]![0]!["days_in_stage"]!);
        Assert.Equal("deal_list", (string)a["query"]!["function"]!);
    }

    [Fact]
    public async Task A_rep_who_sees_only_their_own_leads_gets_only_their_own_numbers()
    {
        var w = await ChatWorld.CreateAsync(app);
        var won = await w.Rep.AskAsync(ChatWorld.InstagramOctober);
        Assert.Equal((1m, 7000m), (won.Figure(0), won.Figure(1)));
        var stalled = await w.Rep.AskAsync(ChatWorld.StalledOver10k);
        Assert.Equal(["O2 Grande parado do rep"], stalled.LeadNames());
        var english = await w.Rep.AskAsync("How many Instagram leads closed in October 2026?");
        Assert.Equal(1m, english.Figure(0));
        Assert.Contains("won from Oct 1, 2026 to Oct 31, 2026", (string)english["answer"]!);
    }

    [Fact]
    public async Task A_breakdown_by_rep_gives_one_figure_per_member_from_the_same_query()
    {
        var w = await ChatWorld.CreateAsync(app);
        var a = await w.Owner.AskAsync("qual o valor ganho em outubro de 2026 por vendedor?");
        Assert.Equal(14000m, a.Figure(0)); // W1 5.000 + W2 7.000 + W4 2.000
        var groups = a["figures"]!.AsArray().Where(f => (string?)f!["group"] == "owner").Select(f => (decimal)f!["value"]!).ToList();
        Assert.Equal([7000m, 7000m], groups);
    }

    [Fact]
    public async Task One_deal_is_counted_in_the_singular_and_other_counts_in_the_plural_in_portuguese_and_english()
    {
        var w = await ChatWorld.CreateAsync(app);
        Assert.StartsWith("1 negócio ganho de 01/10/2026 a 31/10/2026 (de Instagram), somando R$ 7.000,00.", (string)(await w.Rep.AskAsync(ChatWorld.InstagramOctober))["answer"]!);
        Assert.StartsWith("1 deal won from Oct 1, 2026 to Oct 31, 2026", (string)(await w.Rep.AskAsync("How many Instagram leads closed in October 2026?"))["answer"]!);
        Assert.StartsWith("2 negócios ganhos", (string)(await w.Owner.AskAsync(ChatWorld.InstagramOctober))["answer"]!);
        Assert.StartsWith("1 negócio em aberto agora, somando R$ 20.000,00.", (string)(await w.Rep.AskAsync("Quanto temos em aberto no pipeline?"))["answer"]!);
        Assert.StartsWith("1 open deal now, worth R$ 20,000.00.", (string)(await w.Rep.AskAsync("What is the open pipeline value?"))["answer"]!);
        var lost = await w.Owner.AskAsync("negócios perdidos por origem em outubro de 2026");
        Assert.StartsWith("1 negócio perdido de 01/10/2026 a 31/10/2026, somando R$ 4.000,00. Por origem: Instagram 1.", (string)lost["answer"]!);
    }

    [Fact]
    public async Task Deals_won_by_month_are_grouped_by_the_local_month_of_the_workspace_zone()
    {
        var w = await ChatWorld.CreateAsync(app);
        var a = await w.Owner.AskAsync("quantos negócios ganhamos em 2026 por mês?");
        // W5 closed at 02:00 UTC on 1 October, still 30 September in São Paulo; W1, W2, W4 in October; W3 in November.
        var months = a["figures"]!.AsArray().Where(f => (string?)f!["group"] == "month").Select(f => ((string)f!["label"]!, (decimal)f!["value"]!)).ToList();
        Assert.Equal([("2026-09", 1m), ("2026-10", 3m), ("2026-11", 1m)], months);
        Assert.Equal(5m, a.Figure(0));
        var bySource = await w.Owner.AskAsync("quantos negócios ganhamos em outubro de 2026 por origem?");
        Assert.Equal([("Instagram", 2m), ("WhatsApp", 1m)], bySource["figures"]!.AsArray().Where(f => (string?)f!["group"] == "source").Select(f => ((string)f!["label"]!, (decimal)f!["value"]!)));
    }

    [Fact]
    public async Task A_question_it_cannot_place_gets_examples_and_no_number()
    {
        var w = await ChatWorld.CreateAsync(app);
        var a = await w.Owner.AskAsync("qual a previsão do tempo amanhã?");
        Assert.StartsWith("Não entendi a pergunta. Posso responder perguntas como:", (string)a["answer"]!);
        Assert.Empty(a["figures"]!.AsArray());
        Assert.Null(a["query"]);
        var en = await w.Owner.AskAsync("what is the meaning of life?");
        Assert.StartsWith("I could not understand that question. I can answer questions like:", (string)en["answer"]!);
    }

    [Fact]
    public async Task An_empty_or_oversized_message_is_a_400_on_message()
    {
        var w = await ChatWorld.CreateAsync(app);
        var empty = await (await w.Owner.Client.PostAsJsonAsync("/api/v1/chat", new { message = "  " })).ExpectProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        Assert.NotNull(empty["errors"]!["message"]);
        var huge = await (await w.Owner.Client.PostAsJsonAsync("/api/v1/chat", new { message = new string('a', 501) })).ExpectProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        Assert.NotNull(huge["errors"]!["message"]);
    }

    [Fact]
    public async Task A_member_without_reports_view_is_refused()
    {
        var w = await ChatWorld.CreateAsync(app);
        await (await w.Owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "No reports", capabilities = new[] { "leads.read" }, visibility = "all" })).ExpectAsync(HttpStatusCode.Created);
        var member = await w.Owner.AddMemberAsync("No reports");
        var response = await member.Client.PostAsJsonAsync("/api/v1/chat", new { message = ChatWorld.InstagramOctober });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class ChatApiTestsOnSqlite(SqliteApp app) : ChatApiTests(app), IClassFixture<SqliteApp>;

public sealed class ChatApiTestsOnPostgres(PostgresApp app) : ChatApiTests(app), IClassFixture<PostgresApp>;
