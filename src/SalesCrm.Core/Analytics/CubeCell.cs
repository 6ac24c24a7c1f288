namespace SalesCrm.Core.Analytics;

/// <summary>
/// One group of a <see cref="LeadCube"/>: its keys (API values: <c>whatsapp</c>, an id, <c>2026-10</c>; null for "none"), their
/// labels (names for owners, stages and pipelines) and every metric, money in major units of the report's currency.
/// </summary>
public sealed record CubeCell(IReadOnlyList<string?> Keys, IReadOnlyList<string?> Labels, int Leads, int Open, int Won, int Lost, decimal Value, decimal ValueWon,
    decimal WeightedValue, string LeadsUrl)
{
    public double? WinRate => Won + Lost == 0 ? null : Math.Round((double)Won / (Won + Lost), 4);

    public object? Metric(LeadMetric metric) => metric switch
    {
        LeadMetric.Leads => Leads, LeadMetric.Open => Open, LeadMetric.Won => Won, LeadMetric.Lost => Lost, LeadMetric.Value => Value,
        LeadMetric.ValueWon => ValueWon, LeadMetric.WeightedValue => WeightedValue, LeadMetric.WinRate => WinRate,
        _ => null,
    };
}
