using SalesCrm.Core.Common;

namespace SalesCrm.Core.Identity;

/// <summary>
/// Tells open pages that members' rights in a workspace changed (a role's capabilities or visibility, a member's role,
/// a member removed), so each circuit re-checks the rights it cached: ADR 002's "takes effect immediately" for pages
/// that are already open, as the per-request check gives it to the API.
/// </summary>
public sealed class AccessSignal : TenantSignal;
