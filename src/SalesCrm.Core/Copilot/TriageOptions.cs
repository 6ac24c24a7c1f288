using System.ComponentModel.DataAnnotations;

namespace SalesCrm.Core.Copilot;

/// <summary><c>Copilot:Triage</c>: whether inbound messages are triaged by the chat model when one is registered, and how long it may take.</summary>
public sealed class TriageOptions
{
    /// <summary>Ask the registered <c>IChatClient</c> (if any); <c>false</c> keeps triage on the offline rules.</summary>
    public bool UseLlm { get; set; } = true;

    /// <summary>Seconds the model may take before the rules decide instead.</summary>
    [Range(0.1, 120)]
    public double TimeoutSeconds { get; set; } = 5;
}
