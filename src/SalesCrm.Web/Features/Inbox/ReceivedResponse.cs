namespace SalesCrm.Web.Features.Inbox;

/// <summary>What a receiver answers once the request is stored: <c>{ "status": "received", "id" }</c>.</summary>
public sealed record ReceivedResponse(string Status, Guid Id);
