namespace SalesCrm.Core.Assistant;

/// <summary>A lead an answer lists: value in major units of <see cref="Currency"/>, whole days in its current stage, and its page (<c>/leads/{id}</c>).</summary>
public sealed record ChatLead(Guid Id, string Name, decimal Value, string Currency, string? Stage, string? Owner, int DaysInStage, string Url);
