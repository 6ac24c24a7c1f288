namespace SalesCrm.Core.Integrations;

public sealed record MetaPageStatus(string PageId, string TokenHint, DateTime ConnectedAt);
