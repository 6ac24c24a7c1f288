using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Tests.Components;

public sealed class PluralTextsTests
{
    [Fact]
    public void No_text_writes_a_count_as_word_parenthesis_s()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Infrastructure.RepoPaths.Root, "src", "SalesCrm.Web", "Resources"), "*.resx")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"<data name=""([^""]+)""[^>]*><value>([^<]*\p{L}\((?:s|es|ns)\)[^<]*)</value>")
                .Select(m => $"{Path.GetFileName(f)}:{m.Groups[1].Value}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("pt-BR", 1, "1 incidente", "1 problema", "Não dá para publicar: 1 problema na lista ao lado.", "A etapa \"Proposta\" tem 1 lead. Para onde ele vai?")]
    [InlineData("pt-BR", 3, "3 incidentes", "3 problemas", "Não dá para publicar: 3 problemas na lista ao lado.", "A etapa \"Proposta\" tem 3 leads. Para onde eles vão?")]
    [InlineData("en", 1, "1 incident", "1 problem", "Cannot publish: 1 problem in the list beside.", "The stage \"Proposta\" holds 1 lead. Where does it go?")]
    [InlineData("en", 3, "3 incidents", "3 problems", "Cannot publish: 3 problems in the list beside.", "The stage \"Proposta\" holds 3 leads. Where do they go?")]
    public void Counts_take_the_singular_for_one_and_the_plural_otherwise(string culture, int count, string incidents, string problems, string refused, string moveLeads)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(incidents, Plurals.For(ResourceLocalizer.Of<WorkflowRunsResource>(), "IncidentsN", count, count));
        var workflows = ResourceLocalizer.Of<WorkflowsResource>();
        Assert.Equal(problems, Plurals.For(workflows, "ProblemsN", count, count));
        Assert.Equal(refused, Plurals.For(workflows, "PublishRefused", count, count));
        Assert.Equal(moveLeads, Plurals.For(ResourceLocalizer.Of<SharedResource>(), "DeleteStageMoveLeads", count, "Proposta", count));
    }
}
