namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// A hand-off of a lead's conversation to a person: <paramref name="Rule"/> <c>user</c> (<paramref name="UserId"/>),
/// <c>owner</c> (the lead's owner; round robin when it has none) or <c>round_robin</c> among the members whose role key is
/// <paramref name="Role"/> (default <c>sales_rep</c>); <paramref name="Reason"/> is stored on the hand-off (<c>node</c>,
/// <c>requested</c>, <c>low_confidence</c>); <paramref name="Notify"/> gives the assignee a task due now (their to-do list and My Day).
/// </summary>
public sealed record HandoffRequest(Guid LeadId, Guid RunId, string Rule = "owner", Guid? UserId = null, string? Role = null, string Reason = "node", bool Notify = true);
