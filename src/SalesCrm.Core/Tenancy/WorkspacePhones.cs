using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Tenancy;

/// <summary>
/// Phones as the people of the current workspace read them: stored (and sent by the API) as E.164, shown in the
/// national format of the workspace's region — <c>+5541988776655</c> is <c>(41) 98877-6655</c> in a Brazilian workspace —
/// and in the international format when the number is from elsewhere.
/// </summary>
public sealed class WorkspacePhones(WorkspaceTimeZones workspaces, ICurrentUser user)
{
    private string? _region;

    public string Region => _region ??= workspaces.RegionFor(user.TenantId);

    /// <summary>An E.164 phone for display; empty for none.</summary>
    public string Display(string? e164) => ContactNormalizer.Display(e164, Region);
}
