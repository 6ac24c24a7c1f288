using SalesCrm.Core.Pipelines;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>The copy of a stage a settings row edits until it is saved; <see cref="Changes"/> carries only what differs from the stored stage.</summary>
public sealed class StageDraft(StageDto stage)
{
    public StageDto Stored { get; } = stage;
    public string? Name { get; set; } = stage.Name;
    public string Color { get; set; } = stage.Color;
    public int? Probability { get; set; } = stage.Probability;
    public StageKind Kind { get; set; } = stage.Kind;
    public bool IsActive { get; set; } = stage.IsActive;
    /// <summary>Empty means "never rots".</summary>
    public int? RottenAfterDays { get; set; } = stage.RottenAfterDays;

    public bool IsDirty => Changes() != new StageInput();

    /// <summary>
    /// The edit as the service takes it: unchanged fields null, a cleared name empty (so the service says it is
    /// required), a cleared probability -1 (out of range, likewise), a cleared "rotten after" as <c>ClearRottenAfterDays</c>.
    /// </summary>
    public StageInput Changes() => new(
        Name: Name == Stored.Name ? null : Name ?? "",
        Color: string.Equals(Color, Stored.Color, StringComparison.OrdinalIgnoreCase) ? null : Color,
        Probability: Probability == Stored.Probability ? null : Probability ?? -1,
        Kind: Kind == Stored.Kind ? null : Kind,
        IsActive: IsActive == Stored.IsActive ? null : IsActive,
        RottenAfterDays: RottenAfterDays == Stored.RottenAfterDays ? null : RottenAfterDays,
        ClearRottenAfterDays: RottenAfterDays is null && Stored.RottenAfterDays is not null);
}
