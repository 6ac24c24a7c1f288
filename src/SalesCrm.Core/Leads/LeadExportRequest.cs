namespace SalesCrm.Core.Leads;

/// <summary>What to export: the list's filters, order and <c>offset</c>, plus the export's own choices.</summary>
/// <param name="List">Filters, order, <c>q</c> and <c>offset</c> as for the list (its <c>Limit</c> is not used: see <paramref name="Limit"/>).</param>
/// <param name="Select">The columns, in this order (list API names; <c>*</c> for every field); null for <see cref="LeadExportService.Columns"/>.</param>
/// <param name="Limit">At most this many leads (1 to <see cref="LeadExportService.MaxLimit"/>); null for every matching lead.</param>
/// <param name="Delimiter"><c>;</c> or <c>,</c>; null for the workspace culture's (see <see cref="LeadExportService"/>).</param>
public sealed record LeadExportRequest(LeadListRequest List, IReadOnlyList<string>? Select = null, int? Limit = null, char? Delimiter = null);
