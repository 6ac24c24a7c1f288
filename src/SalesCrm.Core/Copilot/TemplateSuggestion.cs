namespace SalesCrm.Core.Copilot;

/// <summary>
/// An approved WhatsApp template ranked for a lead whose 24-hour window is closed: its text with the lead's variables
/// filled, the score it ranked by (0–1), its past reply rate (0–1), and the variables nothing about the lead fills
/// (<c>{{data}}</c>: a date only the rep knows) — left as <c>{{name}}</c> in the text for the rep to fill before sending.
/// </summary>
public sealed record TemplateSuggestion(Guid TemplateId, string Name, string Text, double Score, double ReplyRate, IReadOnlyList<string>? Missing = null);
