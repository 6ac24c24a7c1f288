namespace SalesCrm.Core.Integrations;

public sealed record MetaPageInput(string? PageId, string? AccessToken);
