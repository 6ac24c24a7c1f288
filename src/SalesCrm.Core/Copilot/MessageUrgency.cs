namespace SalesCrm.Core.Copilot;

/// <summary>How soon an inbound message wants an answer: <c>low|normal|high</c> in JSON. Ordered: a higher value is more urgent.</summary>
public enum MessageUrgency { Low, Normal, High }
