using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.DryRuns;

public sealed class LocalizedDryRunPhrasesTests
{
    private static string Warning(string culture, string template)
    {
        using var _ = new CultureScope(culture);
        var warning = TemplateRenderer.Render(template, new WorkflowScope()).Warnings.Last(); // a filter's complaint follows the value's
        return new LocalizedDryRunPhrases(ResourceLocalizer.Of<WorkflowDryRunResource>()).Format("NodeWarning", "hello", warning);
    }

    [Theory]
    [InlineData("Oi {{lead.nmae}}", "hello: variável desconhecida “lead.nmae” (ficou vazia)")]
    [InlineData("Oi {{}}", "hello: um {{ }} vazio ficou como texto vazio")]
    [InlineData("Oi {{lead.name | shout}}", "hello: filtro desconhecido “shout”; use ")]
    public void The_renderers_warnings_read_in_portuguese(string template, string expected) =>
        Assert.StartsWith(expected, Warning("pt-BR", template));

    [Fact]
    public void The_renderers_warnings_read_in_english_for_english_readers() =>
        Assert.Equal("hello: unknown variable “lead.nmae” (rendered empty)", Warning("en", "Oi {{lead.nmae}}"));
}
