namespace SalesCrm.Core.Integrations;

public enum IntegrationKind { MetaPage, WhatsApp, Zapier }
