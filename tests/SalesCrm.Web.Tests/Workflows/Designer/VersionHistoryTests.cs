using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Features.Workflows.Designer;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>The designer's version history: each version says what it changed, and the live one is marked.</summary>
public class VersionHistoryTests
{
    private static BunitContext NewContext() => DesignerComponents.Standalone();

    private static WorkflowVersionDto Version(int number, WorkflowGraphDiff? changes) =>
        new(number, new DateTime(2026, 12, number, 12, 0, 0, DateTimeKind.Utc), null, "Bruno Lima", WorkflowGraph.Empty(), changes);

    [Fact]
    public async Task Each_version_summarises_what_it_changed_from_the_one_before_in_the_readers_language()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var cut = ctx.Render<VersionHistory>(p => p.Add(x => x.Current, 4).Add(x => x.Versions, [
            Version(4, new WorkflowGraphDiff(["nota"], [], ["nome", "cidade", "caixas", "prazo"], 0, 1, 0)),
            Version(3, new WorkflowGraphDiff([], ["a", "b"], [], 1, 0, 2)),
            Version(2, new WorkflowGraphDiff([], [], [], 0, 0, 0)),
            Version(1, null),
        ]));

        var rows = cut.FindAll("[data-testid=wf-version-changes]").Select(r => r.TextContent).ToList();
        Assert.Equal([
            "1 passo novo (nota) · 4 passos alterados (nome, cidade, caixas, …) · 1 ligação nova",
            "2 passos removidos (a, b) · 2 ligações removidas · 1 passo movido",
            "Mesmo desenho da versão anterior",
            "Primeira versão",
        ], rows);
        var current = Assert.Single(cut.FindAll("[data-testid=wf-version-current]"));
        Assert.Equal("4", current.Closest("[data-testid=wf-version-row]")!.GetAttribute("data-version"));
    }

    [Fact]
    public async Task In_english_the_summary_reads_in_english()
    {
        using var culture = new CultureScope("en");
        await using var ctx = NewContext();
        var cut = ctx.Render<VersionHistory>(p => p.Add(x => x.Versions, [Version(2, new WorkflowGraphDiff(["x"], [], [], 2, 0, 0))]));

        Assert.Equal("1 step added (x) · 2 steps moved", cut.Find("[data-testid=wf-version-changes]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=wf-version-current]"));
    }
}
