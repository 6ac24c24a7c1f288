using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Insights;
using SalesCrm.Web.Features.Insights;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The home panel's insight cards: priority in words, the leads behind each as links, and buttons that report the choice.</summary>
public class InsightListTests
{
    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static InsightDto Insight(InsightPriority priority, int leads, string source = InsightTextSources.Rules)
    {
        var ids = Enumerable.Range(0, Math.Min(leads, 50)).Select(_ => Guid.NewGuid()).ToList();
        return new InsightDto(Guid.NewGuid(), InsightKind.HotLeadsUnanswered, "12 leads quentes sem resposta há 24 h", "Esperam há 30 h.", "Responda hoje.", priority, 0.9,
            new InsightEvidence(new Dictionary<string, decimal> { ["count"] = leads }, ids, leads), null, InsightStatus.New, source, DateTime.UtcNow, null);
    }

    [Fact]
    public async Task Evidence_links_to_the_leads_by_name_and_counts_the_ones_not_shown()
    {
        await using var ctx = NewContext();
        var insight = Insight(InsightPriority.Critical, 12);
        var names = new Dictionary<Guid, string> { [insight.Evidence.LeadIds[0]] = "Ana Souza" };
        var cut = ctx.Render<InsightList>(p => p.Add(c => c.Items, [insight]).Add(c => c.LeadNames, names));
        var links = cut.FindAll("[data-testid=insight-lead]");
        Assert.Equal(InsightList.ShownLeads, links.Count);
        Assert.Equal($"/leads/{insight.Evidence.LeadIds[0]}", links[0].GetAttribute("href"));
        Assert.Equal("Ana Souza", links[0].TextContent);
        Assert.Equal(insight.Evidence.LeadIds[1].ToString("N")[..8], links[1].TextContent); // a lead the reader cannot open keeps a short id
        Assert.Equal("+7", cut.Find("[data-testid=insight-more-leads]").TextContent);
        Assert.Equal("Crítica", cut.Find("[data-testid=insight-priority]").TextContent.Trim());
        Assert.Equal("Confiança 90%", cut.Find("[data-testid=insight-confidence]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=insight-rewritten]"));
    }

    [Fact]
    public async Task Done_and_dismiss_report_the_insight_and_the_status_chosen()
    {
        await using var ctx = NewContext();
        var (first, second) = (Insight(InsightPriority.High, 1, InsightTextSources.Llm), Insight(InsightPriority.Low, 0));
        var chosen = new List<(Guid, InsightStatus)>();
        var cut = ctx.Render<InsightList>(p => p.Add(c => c.Items, [first, second]).Add(c => c.OnResolve, (Action<(Guid, InsightStatus)>)(x => chosen.Add(x))));
        cut.FindAll("[data-testid=insight-done]")[0].Click();
        cut.FindAll("[data-testid=insight-dismiss]")[1].Click();
        Assert.Equal([(first.Id, InsightStatus.Done), (second.Id, InsightStatus.Dismissed)], chosen);
        Assert.Single(cut.FindAll("[data-testid=insight-rewritten]"));
        Assert.Single(cut.FindAll("[data-testid=insight-leads]")); // the second has no leads
    }
}
