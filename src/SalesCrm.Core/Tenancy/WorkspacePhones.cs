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

    /// <summary>
    /// A name or author that is itself an E.164 phone (a WhatsApp sender without a profile name, named before leads were
    /// named in the national form) shown as <see cref="Display"/> shows phones; any other name as it is.
    /// </summary>
    public string Name(string? name) =>
        name is { Length: >= 9 and <= 16 } && name[0] == '+' && name.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 ? Display(name) : name ?? "";
}
