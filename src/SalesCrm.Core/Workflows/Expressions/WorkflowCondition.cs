using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// A condition node's settings: <c>{ "field": "lead.value", "operator": "gte", "value": 1000 }</c>. <see cref="Field"/>
/// is a scope path (<see cref="ScopePath"/>); <see cref="Operator"/> a filter-grammar operator name (eq, neq, gt, gte,
/// lt, lte, like, ilike, in, is, cs, fts, plfts, phfts, wfts), optionally prefixed by <c>not.</c>; <see cref="Value"/>
/// any JSON (a list for in/cs, null/true/false for is, nothing for is.null).
/// </summary>
public sealed record WorkflowCondition(string Field, string Operator, JsonNode? Value = null);
