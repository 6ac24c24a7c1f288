using SalesCrm.Core.Common;

namespace SalesCrm.Core.Webhooks;

/// <summary>
/// Tells open pages in this process that something changed in a workspace's webhooks: deliveries were attempted, a
/// subscription went failing, recovered or was edited, or an inbound item failed for good. The delivery log, the
/// "webhooks failing" banner and the failed-items list on the Integrations page refresh without a reload.
/// </summary>
public sealed class WebhookActivity : TenantSignal;
