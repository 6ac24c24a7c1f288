namespace SalesCrm.Core.Copilot;

/// <summary>
/// What an inbound message is about, a small stable set (snake_case in JSON: <c>price_objection</c>, …). New values go at
/// the end; <see cref="Other"/> is for anything the rules or the model cannot place.
/// </summary>
public enum MessageIntent { Greeting, Question, PriceObjection, Scheduling, Complaint, PurchaseIntent, NotInterested, Thanks, Other }
