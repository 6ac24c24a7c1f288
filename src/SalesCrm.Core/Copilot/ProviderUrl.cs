namespace SalesCrm.Core.Copilot;

/// <summary>Joins a configured API root (<c>https://api.openai.com/v1</c>, with or without a trailing slash) and a path.</summary>
internal static class ProviderUrl
{
    public static Uri Join(string baseUrl, string path) => new(baseUrl.TrimEnd('/') + "/" + path.TrimStart('/'));
}
