namespace SalesCrm.Web.Features.Integrations;

/// <summary>Body of <c>PUT /api/v1/integrations/whatsapp</c>: the Cloud API phone number id, its access token and the number shown.</summary>
public sealed record WhatsAppIntegrationRequest(string? PhoneNumberId, string? AccessToken, string? DisplayPhoneNumber);
