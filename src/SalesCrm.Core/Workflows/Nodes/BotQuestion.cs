using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// The Cloud API's interactive shapes for a question with options: up to 3 options of at most 20 characters as reply
/// buttons (<c>{"type":"button","body":{"text"},"action":{"buttons":[{"type":"reply","reply":{"id","title"}}]}}</c>),
/// otherwise a list of up to 10 rows (<c>{"type":"list","body","action":{"button","sections":[{"rows":[{"id","title"}]}]}}</c>;
/// row titles at most 24 characters). The id of each is the option itself, which is what the bot stores.
/// </summary>
public static class BotQuestion
{
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxRows = 10;
    public const int MaxRowTitle = 24;
    public const int MaxBody = 1024;

    /// <summary>The <c>interactive</c> object as JSON for <paramref name="body"/> and <paramref name="options"/>; null without options (a plain text question).</summary>
    public static string? Interactive(string body, IReadOnlyList<AnswerOption> options, string listButton = "Ver opções")
    {
        if (options.Count == 0) return null;
        var text = new JsonObject { ["text"] = body.Length <= MaxBody ? body : body[..MaxBody] };
        if (options.Count <= MaxButtons && options.All(o => o.Title.Length <= MaxButtonTitle))
        {
            var buttons = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["type"] = "reply", ["reply"] = new JsonObject { ["id"] = o.Id, ["title"] = o.Title } })]);
            return new JsonObject { ["type"] = "button", ["body"] = text, ["action"] = new JsonObject { ["buttons"] = buttons } }.ToJsonString();
        }
        var rows = new JsonArray([.. options.Take(MaxRows).Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["title"] = Clip(o.Title, MaxRowTitle) })]);
        return new JsonObject
        {
            ["type"] = "list", ["body"] = text,
            ["action"] = new JsonObject { ["button"] = Clip(listButton, MaxButtonTitle), ["sections"] = new JsonArray(new JsonObject { ["rows"] = rows }) },
        }.ToJsonString();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
