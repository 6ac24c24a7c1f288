namespace SalesCrm.Web.Features.Audit;

/// <summary>One changed field as the audit page shows it: its label in the reader's language and both values formatted (null when absent).</summary>
public sealed record AuditChangeView(string Field, string Label, string? Old, string? New, bool IsColor = false);
