using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Features.Demo;

namespace SalesCrm.Bench;

/// <summary>The real app on a Kestrel port over a fresh SQLite file, in Production mode with quiet logs.</summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "salescrm-bench", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";

    private readonly string? _graphBaseUrl;
    private readonly bool _processing;

    public BenchHost(string? graphBaseUrl = null, bool processing = true)
    {
        _graphBaseUrl = graphBaseUrl;
        _processing = processing;
        // Outside a test project WebApplicationFactory cannot infer the web project's folder; name it.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesCrm.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Run the benchmark from the repository (SalesCrm.sln not found above the binaries).");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SALESCRM_WEB", Path.Combine(dir.FullName, "src", "SalesCrm.Web"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataPath);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Meta:AppSecret", WebhookBench.AppSecret);
        // The benchmark measures throughput, not the limiter's refusals: the limiter still runs, with room for the load.
        builder.UseSetting("RateLimits:WebhookPermitsPerMinute", "100000000");
        if (_graphBaseUrl is not null) builder.UseSetting("Meta:GraphBaseUrl", _graphBaseUrl);
        builder.UseSetting("Inbox:ProcessingEnabled", _processing ? "true" : "false");
    }

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
    }

    public HttpClient Http(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public sealed record Account(string Email, string Password, Guid UserId, Guid TenantId, string Token);

    public async Task<Account> RegisterAsync(string tenantName)
    {
        var email = $"bench-{Guid.NewGuid():N}@bench.local";
        const string password = "Bench1234x";
        var response = await Http().PostAsJsonAsync("/api/v1/auth/register", new { email, password, name = "Bench User", tenant_name = tenantName });
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Account(email, password, Guid.Parse((string)body["user"]!["id"]!), Guid.Parse((string)body["tenant"]!["id"]!), (string)body["access_token"]!);
    }

    /// <summary>Bulk-inserts generated leads (with interactions and activities) for a tenant, in batches.</summary>
    public async Task SeedAsync(Account account, int count, bool openOnly, int interactionsPerLead)
    {
        const int batchSize = 2_000;
        PipelineDto pipeline;
        await using (var scope = Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            var entity = await db.Pipelines.IgnoreQueryFilters().Include(p => p.Stages).FirstAsync(p => p.TenantId == account.TenantId);
            pipeline = PipelineService.ToDto(entity);
        }
        if (openOnly) pipeline = pipeline with { Stages = pipeline.Stages.Where(s => s.Kind == StageKind.Open).ToList() };
        var random = new Random(42);
        var owners = new List<(Guid, string)> { (account.UserId, "Bench User") };
        for (var done = 0; done < count; done += batchSize)
        {
            var batch = DemoData.Generate(account.TenantId, pipeline, owners, Math.Min(batchSize, count - done), random, DateTime.UtcNow, interactionsPerLead);
            // Phones must stay unique across batches for the dedup indexes to mean something.
            foreach (var (lead, i) in batch.Leads.Select((l, i) => (l, i))) lead.Phone = $"+55119{(done + i) % 100_000_000:D8}";
            await using var scope = Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Leads.AddRange(batch.Leads);
            db.Interactions.AddRange(batch.Interactions);
            db.Activities.AddRange(batch.Activities);
            await db.SaveChangesAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
