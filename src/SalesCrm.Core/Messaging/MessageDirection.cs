namespace SalesCrm.Core.Messaging;

public enum MessageDirection { Inbound, Outbound }
