using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Features.Workflows.Designer;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>The designer's problems list names the setting a problem is about and why, in the reader's language.</summary>
public class ProblemsListTests
{
    private static BunitContext NewContext() => DesignerComponents.Standalone();

    [Theory]
    [InlineData("pt-BR", new[] {
        "cond · Falta uma configuração obrigatória: Campo",
        "cond · Falta uma configuração obrigatória: Operador",
        "nome · Configuração inválida: Rótulo no desenho (até 100 caracteres)",
        "cond · Configuração inválida: Operador (use igual a, maior que)",
        "Automação · Falta um gatilho" })]
    [InlineData("en", new[] {
        "cond · A required setting is missing: Field",
        "cond · A required setting is missing: Operator",
        "nome · Invalid setting: Label on the canvas (100 characters at most)",
        "cond · Invalid setting: Operator (use equals, greater than)",
        "Workflow · No trigger" })]
    public async Task Each_setting_problem_names_its_setting_and_why(string culture, string[] expected)
    {
        using var _ = new CultureScope(culture);
        await using var ctx = NewContext();
        WorkflowProblem[] problems =
        [
            new("cond", WorkflowProblemCodes.MissingSetting, "setting 'field' is required."),
            new("cond", WorkflowProblemCodes.MissingSetting, "setting 'operator' is required."),
            new("nome", WorkflowProblemCodes.InvalidSetting, "setting 'label' must be at most 100 characters."),
            new("cond", WorkflowProblemCodes.InvalidSetting, "setting 'operator' must be one of eq, gt."),
            new(null, WorkflowProblemCodes.NoTrigger, "The workflow has no trigger."),
        ];

        var cut = ctx.Render<ProblemsList>(p => p.Add(x => x.Problems, problems));

        Assert.Equal(expected, cut.FindAll(".wf-problem-text").Select(e => e.TextContent.Trim()));
    }
}
