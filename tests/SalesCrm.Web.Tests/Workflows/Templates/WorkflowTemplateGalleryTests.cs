using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Workflows.Templates;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Templates;

/// <summary>The "Criar a partir de modelo" gallery: a card per template in the reader's language, and what it hands to the page.</summary>
public class WorkflowTemplateGalleryTests
{
    private static readonly IReadOnlyList<WorkflowTemplateDto> Catalog = WorkflowTemplates.All.Select(WorkflowTemplateDto.From).ToList();

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return ctx;
    }

    private static IRenderedComponent<WorkflowTemplateGallery> Render(BunitContext ctx, List<WorkflowTemplateChoice> chosen) =>
        ctx.Render<WorkflowTemplateGallery>(p => p.Add(g => g.Templates, Catalog).Add(g => g.OnChoose, c => chosen.Add(c)));

    private static IEnumerable<string> Texts(IRenderedComponent<WorkflowTemplateGallery> cut, string testId) =>
        cut.FindAll($"[data-testid={testId}]").Select(e => e.TextContent.Trim());

    [Fact]
    public async Task In_english_every_template_has_a_translated_title_description_and_its_step_count()
    {
        using var culture = new CultureScope("en");
        await using var ctx = NewContext();
        var cut = Render(ctx, []);

        Assert.Equal(["Meta lead welcome", "No-reply reminder", "WhatsApp qualification", "Deal won → ERP", "Weekly pipeline digest"], Texts(cut, "wf-template-title"));
        Assert.Equal(["4 steps", "5 steps", "11 steps", "4 steps", "2 steps"], Texts(cut, "wf-template-steps"));
        Assert.StartsWith("A bot that asks 5 questions on WhatsApp", Texts(cut, "wf-template-description").ElementAt(2));
        Assert.All(Texts(cut, "wf-template-use"), t => Assert.Equal("Use this template", t));
    }

    [Fact]
    public async Task In_portuguese_the_titles_are_the_catalogs_and_the_erp_card_alone_asks_for_its_url()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var cut = Render(ctx, []);

        Assert.Equal(WorkflowTemplates.All.Select(t => t.Name), Texts(cut, "wf-template-title"));
        Assert.Equal(WorkflowTemplates.All.Select(t => t.Description), Texts(cut, "wf-template-description"));
        var cards = cut.FindAll("[data-testid=wf-template-card]");
        Assert.Equal(["deal-won-erp"], cards.Where(c => c.QuerySelector("input") is not null).Select(c => c.GetAttribute("data-template-id")));
        Assert.Contains("URL do ERP", cards.Single(c => c.GetAttribute("data-template-id") == "deal-won-erp").TextContent);
    }

    [Fact]
    public async Task Using_a_template_hands_its_id_localized_title_and_the_typed_url_and_a_blank_url_is_left_out()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var chosen = new List<WorkflowTemplateChoice>();
        var cut = Render(ctx, chosen);
        var erpCard = () => cut.FindAll("[data-testid=wf-template-card]").Single(c => c.GetAttribute("data-template-id") == "deal-won-erp");

        erpCard().QuerySelector("[data-testid=wf-template-use]")!.Click();
        erpCard().QuerySelector("input")!.Change("  https://erp.loja.com.br/pedidos ");
        erpCard().QuerySelector("[data-testid=wf-template-use]")!.Click();
        cut.FindAll("[data-testid=wf-template-use]")[2].Click();

        Assert.Equal(3, chosen.Count);
        Assert.Equal(("deal-won-erp", "Negócio ganho → ERP", 0), (chosen[0].TemplateId, chosen[0].Title, chosen[0].Parameters.Count));
        Assert.Equal("https://erp.loja.com.br/pedidos", chosen[1].Parameters["erp_url"]);
        Assert.Equal(("whatsapp-qualification", 0), (chosen[2].TemplateId, chosen[2].Parameters.Count));
    }
}
