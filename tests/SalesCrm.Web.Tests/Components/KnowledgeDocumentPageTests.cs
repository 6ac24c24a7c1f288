using Bunit;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Components;

/// <summary>/knowledge/documents/{id} over the real services: editing a document (a new version) and a chunk, with errors under their fields.</summary>
public sealed class KnowledgeDocumentPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Manager = [Capabilities.CopilotUse, Capabilities.KnowledgeManage];

    [Fact]
    public async Task Editing_a_document_saves_a_new_version_and_keeps_the_previous_one_readable()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = Guid.Parse((string)(await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos."))["id"]!);
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = KnowledgeComponents.NewContext(sp, Manager);
            var cut = ctx.Render<KnowledgeDocumentPage>(p => p.Add(c => c.Id, id));
            cut.WaitForElement("[data-testid=kb-edit]");
            Assert.Empty(cut.FindAll("[data-testid=kb-editor]"));
            await cut.Find("[data-testid=kb-edit]").ClickAsync(new());

            Input(cut, "kb-edit-title").Change("Garantia estendida");
            Input(cut, "kb-edit-content", "textarea").Change("Os painéis têm garantia de vinte e cinco anos de desempenho.");
            Input(cut, "kb-edit-tags").Change("garantia, painéis");
            Input(cut, "kb-edit-product").Change("Kit 5 kWp");
            await cut.Find("[data-testid=kb-edit-save]").ClickAsync(new());

            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=kb-editor]")));
            Assert.Contains("Garantia estendida", cut.Find("[data-testid=kb-document]").TextContent);
            Assert.Contains("v2", cut.Find("[data-testid=kb-document]").TextContent);
            Assert.Contains("Kit 5 kWp", cut.Find("[data-testid=kb-document]").TextContent);
            Assert.Contains("Versões (2)", cut.Find("[data-testid=kb-versions]").TextContent);
            Assert.Contains("Salvo como versão 2.", ctx.Snackbars());
            return 0;
        });
        var versions = (await owner.GetJsonAsync($"/api/v1/knowledge/documents/{id}/versions"))["items"]!.AsArray();
        Assert.Equal(["Os painéis têm garantia de vinte e cinco anos de desempenho.", "A garantia do inversor é de dois anos."], versions.Select(v => (string?)v!["content"]));
        var document = await owner.GetJsonAsync($"/api/v1/knowledge/documents/{id}");
        Assert.Equal(["garantia", "painéis"], document["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("Kit 5 kWp", (string?)document["metadata"]!["product"]);
    }

    [Fact]
    public async Task A_refused_edit_shows_each_error_under_its_field_and_says_so()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = Guid.Parse((string)(await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos."))["id"]!);
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = KnowledgeComponents.NewContext(sp, Manager);
            var cut = ctx.Render<KnowledgeDocumentPage>(p => p.Add(c => c.Id, id));
            cut.WaitForElement("[data-testid=kb-edit]");
            await cut.Find("[data-testid=kb-edit]").ClickAsync(new());
            Input(cut, "kb-edit-title").Change("");
            Input(cut, "kb-edit-content", "textarea").Change("   ");
            Input(cut, "kb-edit-vertical").Change(new string('v', 101));
            await cut.Find("[data-testid=kb-edit-save]").ClickAsync(new());

            cut.WaitForAssertion(() => Assert.Contains("é obrigatório", cut.FieldText("kb-edit-title")));
            Assert.Contains("obrigatório", cut.FieldText("kb-edit-content"));
            Assert.Contains("no máximo 100 caracteres", cut.FieldText("kb-edit-vertical"));
            Assert.DoesNotContain("obrigatório", cut.FieldText("kb-edit-tags"));
            Assert.Equal("Corrija os campos destacados.", Assert.Single(ctx.Snackbars()));
            Assert.NotEmpty(cut.FindAll("[data-testid=kb-editor]"));
            return 0;
        });
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/knowledge/documents/{id}"))["version"]!);
    }

    [Fact]
    public async Task A_chunk_longer_than_the_chunkers_limit_is_refused_under_the_chunk_box()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = Guid.Parse((string)(await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos."))["id"]!);
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = KnowledgeComponents.NewContext(sp, Manager);
            var cut = ctx.Render<KnowledgeDocumentPage>(p => p.Add(c => c.Id, id));
            cut.WaitForElement("[data-testid=kb-chunk-edit]");
            await cut.Find("[data-testid=kb-chunk-edit]").ClickAsync(new());
            Input(cut, "kb-chunk-text", "textarea").Input(new string('a', 1201));
            await cut.Find("[data-testid=kb-chunk-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Contains("deve ter no máximo 1.200 caracteres.", cut.FieldText("kb-chunk-text")));
            Assert.Equal("Corrija os campos destacados.", Assert.Single(ctx.Snackbars()));
            return 0;
        });
    }

    [Fact]
    public async Task Without_knowledge_manage_there_is_no_edit_button()
    {
        var owner = await app.RegisterAsync();
        var id = Guid.Parse((string)(await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos."))["id"]!);
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = KnowledgeComponents.NewContext(sp, Capabilities.CopilotUse);
            var cut = ctx.Render<KnowledgeDocumentPage>(p => p.Add(c => c.Id, id));
            cut.WaitForElement("[data-testid=kb-document]");
            Assert.Empty(cut.FindAll("[data-testid=kb-edit]"));
            return 0;
        });
    }

    /// <summary>The input (or textarea) of a field, whether the test id sits on it or on the box around it.</summary>
    private static AngleSharp.Dom.IElement Input<T>(IRenderedComponent<T> cut, string testId, string tag = "input") where T : Microsoft.AspNetCore.Components.IComponent
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName.Equals(tag, StringComparison.OrdinalIgnoreCase) ? element : element.QuerySelector(tag)!;
    }
}
