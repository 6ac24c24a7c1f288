namespace SalesCrm.Core.Integrations;

public sealed record ZapierStatus(bool Configured, string? SecretHint, DateTime? RotatedAt);
