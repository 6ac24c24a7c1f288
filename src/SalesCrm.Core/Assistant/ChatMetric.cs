namespace SalesCrm.Core.Assistant;

/// <summary>
/// What a chat question asks for. <see cref="NewLeads"/>: leads created in the period; <see cref="Won"/>, <see cref="ValueWon"/>,
/// <see cref="Lost"/>, <see cref="WinRate"/>: deals closed in the period (the pipeline report's closings); <see cref="OpenDeals"/>,
/// <see cref="OpenValue"/>: open deals now; <see cref="AvgResponse"/>: minutes to answer an inbound message; <see cref="Forecast"/>:
/// open deals by expected close month; <see cref="DealList"/>: the deals themselves (open, or won in the period).
/// </summary>
public enum ChatMetric { NewLeads, Won, ValueWon, Lost, WinRate, OpenDeals, OpenValue, AvgResponse, Forecast, DealList }
