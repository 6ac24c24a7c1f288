using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// One row of a chat question's SQL GROUP BY: the deals of one group (<see cref="Key"/>: the dimension's value, null
/// without a dimension or for an empty value), status and currency — how many and their value in minor units.
/// </summary>
internal sealed record ChatTally(string? Key, LeadStatus Status, string Currency, int Count, long Cents);
