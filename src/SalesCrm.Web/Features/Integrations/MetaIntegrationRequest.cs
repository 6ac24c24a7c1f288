using SalesCrm.Core.Integrations;

namespace SalesCrm.Web.Features.Integrations;

/// <summary>Body of <c>PUT /api/v1/integrations/meta</c>: the full list of connected Facebook pages.</summary>
public sealed record MetaIntegrationRequest(List<MetaPageInput>? Pages);
