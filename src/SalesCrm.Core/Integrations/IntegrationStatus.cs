namespace SalesCrm.Core.Integrations;

public sealed record IntegrationStatus(IReadOnlyList<MetaPageStatus> MetaPages, WhatsAppStatus? WhatsApp, ZapierStatus Zapier);
