namespace SalesCrm.Core.Analytics;

/// <summary><c>GET /analytics/communication</c>: WhatsApp traffic, response times (overall and by rep), template results and the busiest hours of the period.</summary>
public sealed record CommunicationReport(DateOnly From, DateOnly To, MessageCounts Whatsapp, ResponseFigures Responses, IReadOnlyList<RepResponseFigures> ByRep,
    IReadOnlyList<TemplateFigures> Templates, IReadOnlyList<HourCell> BusiestHours);

/// <summary>Messages in and out in the period, and the leads behind each (<c>figure=messages&amp;direction=in|out</c>).</summary>
public sealed record MessageCounts(int Inbound, int Outbound, FigureLeads? InboundLeads = null, FigureLeads? OutboundLeads = null);

/// <summary>Answers to inbound messages given in the period (mean, median, distribution) and the customers still waiting for one.</summary>
public sealed record ResponseFigures(int Answered, double? AvgMinutes, double? MedianMinutes, IReadOnlyList<DurationBucket> Distribution, int Waiting, string WaitingLeads);

/// <param name="Leads">The drill-down URL of the leads whose customers this member answered in the period.</param>
public sealed record RepResponseFigures(Guid UserId, string Name, int Responses, double AvgMinutes, string? Leads = null);

/// <summary>
/// Template messages sent in the period: delivered, read and replied (the lead wrote within 24 h) as counts and rates of those sent, and
/// the leads behind each status (<see cref="TemplateLeads"/>).
/// </summary>
public sealed record TemplateFigures(Guid TemplateId, string Name, int Sent, int Delivered, int Read, int Failed, int Replied, double? DeliveryRate, double? ReadRate,
    double? ReplyRate, TemplateLeads? Leads = null);

/// <summary>
/// Inbound messages in one hour of one weekday (0 = Sunday) in the workspace's zone, and the leads who wrote them
/// (<c>figure=messages&amp;direction=in&amp;weekday=&amp;hour=</c>).
/// </summary>
public sealed record HourCell(int DayOfWeek, int Hour, int Inbound, FigureLeads? Leads = null);
