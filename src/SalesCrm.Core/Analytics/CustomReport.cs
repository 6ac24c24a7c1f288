namespace SalesCrm.Core.Analytics;

/// <summary>
/// A custom report as a table: <see cref="Columns"/> are the dimensions (each followed by its <c>_label</c> when ids or periods
/// need one) then the metrics; each row holds one value per column (text, number or null). Money in major units of <see cref="Currency"/>.
/// </summary>
public sealed record CustomReport(string Currency, DateOnly From, DateOnly To, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<string> Leads, IReadOnlyList<CurrencyShare> OtherCurrencies);
