using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Identity;

/// <summary>A role's capability set after one checkbox in the matrix changed.</summary>
public sealed record RoleCapabilitiesChange(Guid RoleId, IReadOnlyList<string> Capabilities);

/// <summary>
/// Capabilities (rows, grouped by module) × roles (columns). The owner column is read-only. Only capabilities whose
/// feature exists are rows (<see cref="Core.Identity.Capabilities.Available"/>); a role's planned ones stay granted
/// through every change made here.
/// </summary>
public partial class RoleCapabilityMatrix
{
    [Parameter, EditorRequired] public IReadOnlyList<RoleDto> Roles { get; set; } = [];
    [Parameter] public IReadOnlyList<string> Capabilities { get; set; } = Core.Identity.Capabilities.Available;
    [Parameter] public EventCallback<RoleCapabilitiesChange> OnChange { get; set; }
    [Parameter] public bool Disabled { get; set; }

    // Optimistic local state: the checkbox flips at once, the page saves and re-renders with the truth.
    private readonly Dictionary<Guid, HashSet<string>> _granted = new();

    private IEnumerable<IGrouping<string, string>> ModuleGroups => Capabilities.GroupBy(Core.Identity.Capabilities.Module);

    protected override void OnParametersSet()
    {
        _granted.Clear();
        foreach (var role in Roles) _granted[role.Id] = new HashSet<string>(role.Capabilities, StringComparer.Ordinal);
    }

    public bool IsGranted(RoleDto role, string capability) => _granted.TryGetValue(role.Id, out var set) && set.Contains(capability);

    public static bool IsLocked(RoleDto role) => role.Key == SystemRoles.Owner;

    /// <summary>Grants or revokes one capability and reports the role's whole new set, in catalogue order.</summary>
    public async Task ToggleAsync(RoleDto role, string capability, bool granted)
    {
        if (IsLocked(role) || Disabled) return;
        var set = _granted[role.Id];
        if (granted) set.Add(capability); else set.Remove(capability);
        var ordered = Core.Identity.Capabilities.All.Where(set.Contains).ToList();
        await OnChange.InvokeAsync(new RoleCapabilitiesChange(role.Id, ordered));
    }

    private string ModuleLabel(string module) => Labels.Module(L, module);

    private string CapabilityLabel(string capability) => Labels.Capability(L, capability);
}
