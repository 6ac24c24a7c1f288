namespace SalesCrm.Core.Copilot;

/// <summary>How an inbound message sounds: <c>positive|neutral|negative</c> in JSON.</summary>
public enum MessageSentiment { Positive, Neutral, Negative }
