namespace SalesCrm.Core.Common;

/// <summary>502 <c>PROVIDER_ERROR</c>: an outside provider (WhatsApp's Cloud API) failed a request the CRM made for the caller.</summary>
public sealed class ProviderException(string message) : DomainException(ErrorCodes.ProviderError, message);
