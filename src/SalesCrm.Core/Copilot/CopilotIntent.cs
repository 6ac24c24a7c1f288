namespace SalesCrm.Core.Copilot;

/// <summary>What the rep asks the copilot for; stored and sent in snake_case (<c>follow_up</c>, <c>free_text</c>).</summary>
public enum CopilotIntent
{
    Qualification,
    Objection,
    Closing,
    FollowUp,
    /// <summary>The rep's own question in the context box.</summary>
    FreeText,
}
