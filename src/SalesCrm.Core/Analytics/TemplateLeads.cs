namespace SalesCrm.Core.Analytics;

/// <summary>
/// The leads a template was sent to in the period, by the furthest status a send reached (<c>sent</c> ⊇ <c>delivered</c> ⊇ <c>read</c>;
/// <c>replied</c>: the lead wrote within 24 h of a send), each with its drill-down (<c>figure=template</c>).
/// </summary>
public sealed record TemplateLeads(FigureLeads Sent, FigureLeads Delivered, FigureLeads Read, FigureLeads Replied);
