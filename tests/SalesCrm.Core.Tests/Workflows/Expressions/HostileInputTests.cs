using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

/// <summary>Seeded random text built from the characters the grammars care about: nothing but the documented errors may come out.</summary>
public class HostileInputTests
{
    private static readonly string[] Pieces =
    [
        "{{", "}}", "{", "}", "|", ":", "\"", "'", "\\", ".", "..", "[", "]", "[0]", "[99999999]", "(", ")", ",", "&", "=", "->", "->>",
        "lead", "name", "custom", "city", "constructor", "__proto__", "eq.", "ilike.", "not.", "in.", "cs.", "is.", "or=", "and=",
        "money", "date", "default", "first_name", "truncate", " ", "\n", "\0", "\uD83D", "\uDE00", "😀", "ã", "R$", "1.234,56", "-", "mil",
        "%", "*", "_", "@", "+55", "11", "98888", "/", "2026", "hoje", "amanhã", "atendente", "não", "dd/MM/yyyy", "HH", "%", "#",
    ];

    private static IEnumerable<string> Samples(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var j = 0; j < length; j++) text.Append(Pieces[random.Next(Pieces.Length)]);
            yield return text.ToString();
        }
    }

    [Fact]
    public void Random_templates_render_without_throwing_and_within_the_limit()
    {
        var scope = Scope.Lead();
        foreach (var template in Samples(18, 3000))
        {
            var result = TemplateRenderer.Render(template, scope, 500);
            Assert.True(result.Text.Length <= 500);
            _ = TemplateRenderer.RenderValue(new JsonObject { ["a"] = template, ["b"] = new JsonArray(template) }, scope);
        }
    }

    [Fact]
    public void Random_filters_either_parse_or_are_validation_errors()
    {
        var target = Scope.Lead().Root;
        foreach (var filter in Samples(19, 3000))
        {
            try { _ = ConditionEvaluator.Matches(filter, target); }
            catch (ValidationException) { }
        }
    }

    [Fact]
    public void Random_conditions_either_evaluate_or_are_validation_errors()
    {
        var scope = Scope.Lead();
        string[] operators = ["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "in", "is", "cs", "fts", "plfts", "phfts", "wfts", "not.eq", "not.in"];
        var random = new Random(20);
        foreach (var text in Samples(21, 3000))
        {
            var field = random.Next(2) == 0 ? "lead.name" : text;
            JsonNode? value = random.Next(3) switch { 0 => JsonValue.Create(text), 1 => new JsonArray(text, 1), _ => null };
            try { _ = ConditionEvaluator.Evaluate(new WorkflowCondition(field, operators[random.Next(operators.Length)], value), scope); }
            catch (ValidationException) { }
        }
    }

    [Fact]
    public void Random_replies_never_throw()
    {
        var context = new AnswerContext { Options = AnswerOption.FromTitles(["Sim", "Não", "Até 30 dias", "1", "R$ 500"]), Min = 0, Max = 1_000_000 };
        foreach (var reply in Samples(22, 3000))
        {
            foreach (var type in Enum.GetValues<AnswerType>())
            {
                var result = AnswerValidator.Validate(type, reply, context, buttonId: reply);
                Assert.True(result.IsValid ? result.Reason is null : result.Reason is not null);
            }
            _ = HandoffDetector.IsHandoffRequest(reply);
        }
    }
}
