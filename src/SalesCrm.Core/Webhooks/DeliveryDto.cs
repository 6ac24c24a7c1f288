namespace SalesCrm.Core.Webhooks;

public sealed record DeliveryDto(Guid Id, string MessageId, string EventType, DeliveryStatus Status, int Attempts, DateTime NextAttemptAt, DateTime? LastAttemptAt,
    int? LastStatusCode, int? LastLatencyMs, string? LastResponseExcerpt, string? LastError, bool IsTest, DateTime CreatedAt);
