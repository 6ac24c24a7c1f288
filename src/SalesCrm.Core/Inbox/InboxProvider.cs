namespace SalesCrm.Core.Inbox;

public enum InboxProvider { MetaLeads, Zapier, WhatsApp }
