using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Ranks approved WhatsApp templates for a lead whose 24-hour window is closed: words the template shares with the
/// intent, with the lead's stage and with the context, and the template's past reply rate. Score 0–1.
/// </summary>
public static class TemplateRanker
{
    private static readonly Dictionary<CopilotIntent, string[]> IntentWords = new()
    {
        [CopilotIntent.Qualification] = ["conve", "duvid", "ajuda", "neces", "inter", "conhe", "talk", "help"],
        [CopilotIntent.Objection] = ["duvid", "valor", "desco", "condi", "ofert", "simul", "proposta", "price", "offer"],
        [CopilotIntent.Closing] = ["propo", "fecha", "ofert", "condi", "simul", "desco", "confi", "offer", "deal"],
        [CopilotIntent.FollowUp] = ["retom", "lembr", "confi", "conve", "olhad", "novid", "follo", "remin"],
        [CopilotIntent.FreeText] = [],
    };

    /// <param name="templates">Approved templates with their reply rates (0–1; absent when never sent).</param>
    /// <param name="variables">The lead's template variables (<see cref="LeadPlaceholders.TemplateValues"/>); others stay as <c>{{name}}</c> in the text and in <see cref="TemplateSuggestion.Missing"/>.</param>
    public static IReadOnlyList<TemplateSuggestion> Rank(IReadOnlyList<MessageTemplate> templates, IReadOnlyDictionary<Guid, double> replyRates, CopilotIntent intent,
        string? stageName, string? context, IReadOnlyDictionary<string, string> variables, int max = CopilotLimits.MaxSuggestions)
    {
        var intentWords = IntentWords[intent];
        var stage = CopilotText.Stems(stageName ?? "");
        var said = CopilotText.Stems(context ?? "");
        return templates
            .Select(t =>
            {
                var words = CopilotText.Stems(t.Name.Replace('_', ' ') + " " + t.Body);
                var intentMatch = intentWords.Length == 0 ? 0 : Math.Min(1, intentWords.Count(w => words.Any(x => x.StartsWith(w[..Math.Min(w.Length, 5)], StringComparison.Ordinal))) / 2.0);
                var stageMatch = stage.Count == 0 ? 0 : (double)stage.Count(words.Contains) / stage.Count;
                var contextMatch = said.Count == 0 ? 0 : Math.Min(1, said.Count(words.Contains) / 3.0);
                // Unknown reply rates count as average rather than zero, so a new template is not buried.
                var rate = replyRates.TryGetValue(t.Id, out var r) ? r : 0.3;
                var score = 0.35 * intentMatch + 0.2 * stageMatch + 0.15 * contextMatch + 0.3 * rate;
                var (text, missing) = Render(t.Body, variables);
                return new TemplateSuggestion(t.Id, t.Name, text, Math.Round(score, 4), Math.Round(replyRates.GetValueOrDefault(t.Id), 4), missing);
            })
            .OrderByDescending(t => t.Score).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(max).ToList();
    }

    /// <summary>The body with every variable the lead fills; the others stay as <c>{{name}}</c> and are listed.</summary>
    private static (string Text, IReadOnlyList<string> Missing) Render(string body, IReadOnlyDictionary<string, string> variables)
    {
        var text = body;
        var missing = new List<string>();
        foreach (var name in TemplateText.Variables(body))
        {
            if (variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                text = System.Text.RegularExpressions.Regex.Replace(text, @"\{\{\s*" + name + @"\s*\}\}", value.Replace("$", "$$"));
            else
                missing.Add(name);
        }
        return (text, missing);
    }
}
