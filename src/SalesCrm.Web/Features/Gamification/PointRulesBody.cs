using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary><c>PUT /api/v1/gamification/rules</c>: the rules to change.</summary>
public sealed record PointRulesBody(IReadOnlyList<PointRuleInput>? Items);
