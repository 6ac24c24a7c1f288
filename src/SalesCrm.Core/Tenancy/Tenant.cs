using SalesCrm.Core.Common;

namespace SalesCrm.Core.Tenancy;

/// <summary>A workspace: every business row belongs to one.</summary>
public sealed class Tenant : IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string Plan { get; set; } = TenantPlans.Free;
    public TenantSettings Settings { get; set; } = new();
    public DateTime CreatedAt { get; set; }
}

public static class TenantPlans
{
    public const string Free = "free";
    public const string Pro = "pro";
    public const string Enterprise = "enterprise";
}

/// <summary>Per-tenant preferences, stored as JSON.</summary>
public sealed class TenantSettings
{
    public string DefaultRegion { get; set; } = "BR";
    public string DefaultCurrency { get; set; } = "BRL";
    public string Culture { get; set; } = "pt-BR";
    public string TimeZone { get; set; } = "America/Sao_Paulo";
    public bool RoundRobinAssignment { get; set; } = true;

    /// <summary>
    /// Whether the workspace has been given the copilot's default static suggestions (<c>StaticSuggestionDefaults</c>):
    /// set when it is created, or on the copilot's first use in a workspace created before the copilot existed, so a list
    /// the workspace later empties on purpose stays empty.
    /// </summary>
    public bool CopilotDefaultsAdded { get; set; }
}
