namespace SalesCrm.Core.Webhooks;

public sealed record TransportResult(int? StatusCode, string? ResponseExcerpt, string? Error);
