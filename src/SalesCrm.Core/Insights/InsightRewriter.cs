using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Rewrites an insight's offline text in natural language through the configured chat model (the copilot's
/// <see cref="IChatClient"/>, when one is registered). The model may not invent figures: a rewrite whose numbers are not all in
/// the evidence (<see cref="InsightFigureCheck"/>), that is not three lines, or that fails or times out is dropped and the
/// offline text kept.
/// </summary>
public sealed class InsightRewriter(ILogger<InsightRewriter> logger, IChatClient? client = null)
{
    /// <summary>How long the model has per insight before the offline text is kept.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public const string SystemPrompt =
        """
        You rewrite findings of a sales CRM for a sales manager, in plain, friendly language, in the language asked for.
        Rules you must never break:
        - Use ONLY the numbers given in FIGURES and TEXT. Never compute, round differently, estimate or invent any number.
        - Keep every name of a stage, pipeline or person as given.
        - Answer with exactly three lines and nothing else: TITLE: ..., DESCRIPTION: ..., RECOMMENDATION: ...
        """;

    /// <summary>The rewritten text and true, or <paramref name="offline"/> and false when no model is configured or its answer was rejected.</summary>
    public async Task<(InsightText Text, bool Rewritten)> RewriteAsync(InsightText offline, InsightEvidence evidence, string culture, CancellationToken ct)
    {
        if (client is null) return (offline, false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            var answer = new StringBuilder();
            var options = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 };
            await foreach (var update in client.GetStreamingResponseAsync(Messages(offline, evidence, culture), options, timeout.Token))
                answer.Append(update.Text);
            if (Parse(answer.ToString()) is not { } text)
            {
                logger.LogInformation("Insight rewrite ignored: the model did not answer in three lines");
                return (offline, false);
            }
            if (!InsightFigureCheck.OnlyKnownFigures($"{text.Title}\n{text.Description}\n{text.Recommendation}", evidence, offline))
            {
                logger.LogWarning("Insight rewrite rejected: it has a number that is not in the evidence");
                return (offline, false);
            }
            return (text, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Insight rewrite failed; the offline text is kept");
            return (offline, false);
        }
    }

    public static IReadOnlyList<ChatMessage> Messages(InsightText offline, InsightEvidence evidence, string culture)
    {
        var user = new StringBuilder();
        user.AppendLine($"LANGUAGE: {(culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "English" : "Brazilian Portuguese")}");
        user.AppendLine($"FIGURES: {JsonSerializer.Serialize(evidence.Figures)}");
        user.AppendLine($"TEXT: TITLE: {offline.Title}");
        user.AppendLine($"DESCRIPTION: {offline.Description}");
        user.AppendLine($"RECOMMENDATION: {offline.Recommendation}");
        return [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>The three labelled lines of an answer, or null when one is missing or empty.</summary>
    public static InsightText? Parse(string answer)
    {
        string? Line(string label) => answer.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith(label + ":", StringComparison.OrdinalIgnoreCase))?[(label.Length + 1)..].Trim();
        var (title, description, recommendation) = (Line("TITLE"), Line("DESCRIPTION"), Line("RECOMMENDATION"));
        return string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(description) || string.IsNullOrWhiteSpace(recommendation)
            ? null
            : new InsightText(Clip(title, 200), Clip(description, 1000), Clip(recommendation, 500));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
