namespace SalesCrm.Core.Copilot;

/// <summary>
/// The triage of one inbound message; <paramref name="Provider"/> says who decided it: <see cref="LexiconProvider"/> (the
/// offline pt-BR/en rules) or <see cref="LlmProvider"/> (the configured chat model).
/// </summary>
public sealed record MessageTriage(MessageSentiment Sentiment, MessageUrgency Urgency, MessageIntent Intent, string Provider)
{
    public const string LexiconProvider = "lexicon";
    public const string LlmProvider = "llm";
}
