namespace SalesCrm.Core.Webhooks;

public enum DeliveryStatus { Pending, Succeeded, Failed }
