using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Sentiment, urgency and intent of an inbound message: by the registered chat model (<see cref="IChatClient"/>, asked
/// for JSON, within <see cref="TriageOptions.TimeoutSeconds"/>) when there is one, else — and whenever the model fails,
/// times out or answers outside the enums — by the offline rules (<see cref="LexiconTriage"/>).
/// </summary>
public sealed class MessageTriageService(IServiceProvider services, AccessService access, IOptions<TriageOptions> options, ILogger<MessageTriageService> logger)
{
    /// <summary>Longest text analyzed (characters); longer input to <see cref="AnalyzeAsync"/> is a 400.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>
    /// <c>POST /api/v1/copilot/analyze</c>: needs <c>copilot.use</c>; an empty text or one over <see cref="MaxTextLength"/>
    /// characters is a <see cref="ValidationException"/> on <c>text</c>.
    /// </summary>
    public async Task<MessageTriage> AnalyzeAsync(string? text, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationException("text", "Send the message text to analyze.");
        if (text.Length > MaxTextLength) throw new ValidationException("text", $"At most {MaxTextLength} characters.");
        return await TriageAsync(text, ct);
    }

    /// <summary>
    /// The triage of <paramref name="text"/> without a capability check (the inbound message path calls it for the
    /// message it stores). Never throws for a model failure: the rules answer instead.
    /// </summary>
    public async Task<MessageTriage> TriageAsync(string? text, CancellationToken ct = default)
    {
        var chat = options.Value.UseLlm && !string.IsNullOrWhiteSpace(text) ? services.GetService<IChatClient>() : null;
        if (chat is null) return LexiconTriage.Analyze(text);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            var response = await chat.GetResponseAsync(Prompt(text!), new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = 100 }, timeout.Token);
            if (Parse(response.Text) is { } triage) return triage;
            logger.LogWarning("The chat model's triage was not the JSON asked for; the rules decided: {Answer}", Shorten(response.Text));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The chat model took longer than {Seconds} s to triage a message; the rules decided", options.Value.TimeoutSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The chat model failed to triage a message; the rules decided");
        }
        return LexiconTriage.Analyze(text);
    }

    /// <summary>Stores <paramref name="triage"/> on <paramref name="message"/> (the caller saves it).</summary>
    public static void Apply(Messaging.Message message, MessageTriage triage)
    {
        message.Sentiment = triage.Sentiment;
        message.Urgency = triage.Urgency;
        message.Intent = triage.Intent;
        message.TriageProvider = triage.Provider;
    }

    private static List<ChatMessage> Prompt(string text) =>
    [
        new(ChatRole.System,
            "You triage WhatsApp messages a customer sent to a sales team (Portuguese or English). Answer with one JSON object and nothing else: " +
            $"{{\"sentiment\": one of [{Names<MessageSentiment>()}], \"urgency\": one of [{Names<MessageUrgency>()}], \"intent\": one of [{Names<MessageIntent>()}]}}. " +
            "urgency is how soon the customer expects an answer. intent is what the message is mainly about; use \"other\" when none fits."),
        new(ChatRole.User, text),
    ];

    private static string Names<T>() where T : struct, Enum => string.Join(", ", SnakeEnum.Names<T>().Select(n => $"\"{n}\""));

    /// <summary>The model's answer when it is a JSON object (possibly inside a code fence) with all three fields in their enums; else null.</summary>
    internal static MessageTriage? Parse(string? answer)
    {
        if (answer is null) return null;
        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        try
        {
            using var json = JsonDocument.Parse(answer[start..(end + 1)]);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && SnakeEnum.TryParse<MessageSentiment>(Text(root, "sentiment"), out var sentiment)
                && SnakeEnum.TryParse<MessageUrgency>(Text(root, "urgency"), out var urgency)
                && SnakeEnum.TryParse<MessageIntent>(Text(root, "intent"), out var intent)
                ? new MessageTriage(sentiment, urgency, intent, MessageTriage.LlmProvider)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
