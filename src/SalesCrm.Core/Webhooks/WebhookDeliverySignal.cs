using SalesCrm.Core.Common;

namespace SalesCrm.Core.Webhooks;

/// <summary>Wakes the delivery worker once new deliveries are committed.</summary>
public sealed class WebhookDeliverySignal : WorkSignal;
