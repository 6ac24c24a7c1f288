namespace SalesCrm.Core.Integrations;

public sealed record WhatsAppStatus(string PhoneNumberId, string? DisplayPhoneNumber, string TokenHint, DateTime ConnectedAt);
