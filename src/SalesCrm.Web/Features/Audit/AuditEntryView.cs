namespace SalesCrm.Web.Features.Audit;

/// <summary>
/// An audit entry as a manager reads it: when (in the workspace's zone), who, what kind of record and which one (by
/// name, with a link while it exists), the action and the changed fields. <see cref="HiddenFields"/> counts derived or
/// internal fields left out (search text, score details, version counters…); <see cref="Raw"/> keeps the stored JSON.
/// </summary>
public sealed record AuditEntryView(Guid Id, DateTime When, string Actor, string EntityLabel, string? Subject, string? Href, string Action,
    IReadOnlyList<AuditChangeView> Changes, int HiddenFields, string Raw);
