namespace SalesCrm.Core.Messaging;

public enum TemplateStatus { Approved, Pending, Rejected }
