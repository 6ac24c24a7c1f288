namespace SalesCrm.Core.Messaging;

public sealed record TemplateStats(Guid TemplateId, int Sent, int Delivered, int Read, int Failed, int Replied, double ReplyRate);
