using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Copilot;

/// <summary>What the copilot panel asks of the copilot (<see cref="CopilotService"/>); an interface so the panel's tests can stand in for it.</summary>
public interface ICopilotAssistant
{
    /// <summary>Whether suggestions can come from the playbook (an <see cref="IKnowledgeSearch"/> is registered); without it only static suggestions are offered.</summary>
    bool HasPlaybook { get; }

    /// <summary>The lead's last inbound WhatsApp message and window state, to prefill the panel; null context when the lead never wrote.</summary>
    Task<(string? LastInbound, bool WindowOpen)> LeadContextAsync(Guid leadId, CancellationToken ct = default);

    /// <inheritdoc cref="CopilotService.SuggestAsync"/>
    Task<SuggestResult> SuggestAsync(SuggestInput input, Func<SuggestionDelta, Task>? onDelta = null, CancellationToken ct = default);

    /// <inheritdoc cref="CopilotHistory.FeedbackAsync"/>
    Task<FeedbackResult> FeedbackAsync(FeedbackInput input, CancellationToken ct = default);

    /// <inheritdoc cref="CopilotHistory.RecordUseAsync"/>
    Task RecordUseAsync(Guid sessionId, Guid suggestionId, CopilotOutcome outcome, CancellationToken ct = default);

    /// <inheritdoc cref="CopilotHistory.LogAsInteractionAsync"/>
    Task LogAsInteractionAsync(Guid sessionId, Guid suggestionId, CancellationToken ct = default);
}
