namespace SalesCrm.Core.Copilot;

/// <summary>
/// A request for suggestions: <paramref name="Intent"/> is <c>qualification</c>, <c>objection</c>, <c>closing</c>,
/// <c>follow_up</c> or <c>free_text</c> (which needs <paramref name="Context"/>); without a context the lead's last inbound
/// WhatsApp message is used.
/// </summary>
public sealed record SuggestInput(Guid? LeadId, string? Intent, string? Context);
