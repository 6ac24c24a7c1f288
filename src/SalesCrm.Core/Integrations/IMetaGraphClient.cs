namespace SalesCrm.Core.Integrations;

/// <summary>Reads a lead's form answers from Meta's Graph API (<c>GET {base}/{leadgen_id}</c>).</summary>
public interface IMetaGraphClient
{
    Task<IReadOnlyDictionary<string, string>> GetLeadFieldsAsync(string leadgenId, string pageAccessToken, CancellationToken ct);
}
