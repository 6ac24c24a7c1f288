namespace SalesCrm.Core.Assistant;

/// <summary>
/// The query an answer ran: the analytics function (<c>custom_report</c>, <c>closings</c>, <c>open_deals</c>, <c>deal_list</c>,
/// <c>communication</c>, <c>forecast</c>), its arguments as text, and <see cref="Leads"/>, the API URL of the leads behind the figure.
/// </summary>
public sealed record ChatQuery(string Function, IReadOnlyDictionary<string, string> Arguments, string? Leads);
