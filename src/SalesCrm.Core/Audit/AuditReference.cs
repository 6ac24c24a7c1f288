namespace SalesCrm.Core.Audit;

/// <summary>
/// What an id in the audit trail names, for a history people read: the entity kind (<c>Lead</c>, <c>Stage</c>, <c>AppUser</c>…),
/// its current name, its parent (an activity's or interaction's lead, a stage's pipeline) and a lead's currency.
/// <see cref="Exists"/> is false for a record since deleted, whose name comes from the audit entry of its deletion.
/// </summary>
public sealed record AuditReference(string Entity, string Name, Guid? ParentId = null, string? Currency = null, bool Exists = true);
