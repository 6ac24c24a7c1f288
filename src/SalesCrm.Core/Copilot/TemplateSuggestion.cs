namespace SalesCrm.Core.Copilot;

/// <summary>
/// An approved WhatsApp template ranked for a lead whose 24-hour window is closed: its text with the lead's variables
/// filled (others left as <c>{{name}}</c>), the score it ranked by (0–1) and its past reply rate (0–1).
/// </summary>
public sealed record TemplateSuggestion(Guid TemplateId, string Name, string Text, double Score, double ReplyRate);
