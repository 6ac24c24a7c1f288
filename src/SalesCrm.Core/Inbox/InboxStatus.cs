namespace SalesCrm.Core.Inbox;

public enum InboxStatus { Pending, Processed, Failed }
