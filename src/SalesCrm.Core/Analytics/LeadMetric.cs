namespace SalesCrm.Core.Analytics;

/// <summary>
/// Figures over a cohort of leads (those created in the period): <c>leads</c>, <c>open</c>, <c>won</c>, <c>lost</c> (counts, as
/// the leads stand now), <c>value</c>, <c>value_won</c>, <c>weighted_value</c> (open value × stage probability) in the report's
/// currency, <c>win_rate</c> (won ÷ closed, 0–1).
/// </summary>
public enum LeadMetric { Leads, Open, Won, Lost, Value, ValueWon, WeightedValue, WinRate }
