namespace SalesCrm.Core.Messaging;

public enum TemplateCategory { Marketing, Utility, Authentication }
