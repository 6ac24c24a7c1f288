namespace SalesCrm.Core.Messaging;

public sealed record TemplateInput(string? Name, TemplateCategory? Category, string? Language, string? Body, TemplateStatus? Status);
