namespace SalesCrm.Core.Analytics;

/// <summary>
/// The drill-down parameters of the message figures: <c>figure=template</c> takes <see cref="TemplateId"/> and <see cref="Status"/>
/// (<c>sent|delivered|read|replied</c>); <c>figure=messages</c> takes <see cref="Direction"/> (<c>in|out</c>) and, for a cell of the busiest
/// hours, <see cref="Weekday"/> (0 = Sunday) and <see cref="Hour"/> (0–23) in the workspace's zone.
/// </summary>
public sealed record MessageDrill(Guid? TemplateId = null, string? Status = null, string? Direction = null, int? Weekday = null, int? Hour = null);
