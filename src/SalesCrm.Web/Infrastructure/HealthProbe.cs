namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// <c>healthcheck [url]</c>: asks a running instance's readiness endpoint and exits 0 when it answers 2xx, 1 otherwise.
/// The Docker image's HEALTHCHECK uses it (the runtime image has no curl); it starts no host and reads no configuration.
/// </summary>
public static class HealthProbe
{
    public const string DefaultUrl = "http://localhost:8080/health/ready";

    public static bool Matches(string[] args) => args is ["healthcheck", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
