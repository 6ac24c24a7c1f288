using System.Globalization;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// What validating a reply needs besides the text: the workspace's phone <see cref="Region"/> (ISO 3166, default BR),
/// <see cref="Zone"/> and <see cref="Culture"/> (São Paulo, pt-BR), the current instant <see cref="NowUtc"/> (for "hoje",
/// "amanhã" and dates without a year), the <see cref="Options"/> of an option question, an inclusive range for numbers,
/// and whether a date without a year that already passed means next year (<see cref="PreferFuture"/>, default true:
/// bots ask when something will happen).
/// </summary>
public sealed record AnswerContext
{
    public string Region { get; init; } = "BR";
    public TimeZoneInfo Zone { get; init; } = SalesCrm.Core.Tenancy.WorkspaceTimeZones.Default;
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("pt-BR");
    public DateTime NowUtc { get; init; } = DateTime.UtcNow;
    public IReadOnlyList<AnswerOption> Options { get; init; } = [];
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public bool PreferFuture { get; init; } = true;
}
