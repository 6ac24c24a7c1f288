namespace SalesCrm.Core.Inbox;

/// <summary>What a stored inbound body is written in (<see cref="InboundBody"/>): JSON, or a URL-encoded form (Zapier's default).</summary>
public enum InboundBodyFormat
{
    Json,
    Form,
}
