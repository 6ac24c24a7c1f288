namespace SalesCrm.Core.Messaging;

public sealed record TemplateDto(Guid Id, string Name, TemplateCategory Category, string Language, string Body, TemplateStatus Status, IReadOnlyList<string> Variables, int UsageCount, DateTime CreatedAt);
