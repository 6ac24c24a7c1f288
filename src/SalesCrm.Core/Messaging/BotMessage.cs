namespace SalesCrm.Core.Messaging;

/// <summary>
/// A message a workflow's bot sends (<see cref="OutboundMessageService.SendAsBotAsync"/>): <paramref name="Text"/> inside
/// WhatsApp's 24-hour customer service window — as reply buttons or a list when <paramref name="Interactive"/> (the Cloud
/// API's <c>interactive</c> object as JSON, its body being the text) is set — else the approved template
/// <paramref name="TemplateId"/> with <paramref name="Variables"/>.
/// </summary>
/// <param name="RunId">The workflow run that sends; marks the message as the bot's in the thread.</param>
/// <param name="ClientKey">The step's idempotency key: the same key never sends twice.</param>
public sealed record BotMessage(Guid RunId, string ClientKey, string? Text, Guid? TemplateId = null, IReadOnlyDictionary<string, string>? Variables = null, string? Interactive = null);
