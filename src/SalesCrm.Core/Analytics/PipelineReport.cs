using SalesCrm.Core.Pipelines;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// <c>GET /analytics/pipeline</c>: the pipeline now (count, value and weighted value per stage) and over the period (time in
/// stage, conversion, won and lost). Money in major units of <see cref="Currency"/>; <c>leads</c> are drill-down URLs.
/// </summary>
public sealed record PipelineReport(Guid PipelineId, string PipelineName, string Currency, DateOnly From, DateOnly To, IReadOnlyList<StageFigures> Stages,
    ClosedFigures Won, LostFigures Lost, StallFigure? Bottleneck, IReadOnlyList<PeriodClosings> ByPeriod, IReadOnlyList<CurrencyShare> OtherCurrencies);

/// <param name="Count">Leads in the stage now (every currency).</param>
/// <param name="Value">Their value now, in the report's currency.</param>
/// <param name="WeightedValue"><paramref name="Value"/> × the stage's probability.</param>
/// <param name="AvgDaysInStage">Mean length of the stays in this stage that ended in the period (null: none ended).</param>
/// <param name="ConversionToNext">Of the leads that reached this stage or a later one in the period, the share that reached a later one (0–1; null for closed stages or none).</param>
/// <param name="Entered">Leads that entered the stage in the period.</param>
public sealed record StageFigures(Guid StageId, string Name, StageKind Kind, int Probability, int Count, decimal Value, decimal WeightedValue,
    double? AvgDaysInStage, double? ConversionToNext, int Entered, string Leads, string EnteredLeads);

/// <summary>Deals closed in the period: how many, their value when they closed.</summary>
public sealed record ClosedFigures(int Count, decimal Value, string Leads);

public sealed record LostFigures(int Count, decimal Value, IReadOnlyList<LostReasonFigures> ByReason, string Leads);

public sealed record LostReasonFigures(string Reason, int Count, decimal Value, string Leads);

/// <summary>Where deals stall: the open stage whose stays lasted longest on average.</summary>
public sealed record StallFigure(Guid StageId, string Name, double AvgDaysInStage);

/// <summary>Deals won and lost in one bucket (week, month) of the period: counts, values in major units, and the drill-down URL of each (the bucket's days).</summary>
public sealed record PeriodClosings(string Period, int WonCount, decimal WonValue, int LostCount, decimal LostValue, string WonLeads, string LostLeads);
