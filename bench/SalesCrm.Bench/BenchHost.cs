using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesCrm.Core.Data;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Features.Demo;

namespace SalesCrm.Bench;

/// <summary>
/// The real app on a Kestrel port over a fresh database, with quiet logs: a SQLite file, or with
/// <paramref name="postgresServer"/> a new PostgreSQL database on that server (dropped at the end unless kept).
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    /// <summary>Where the server for <c>--provider postgres</c> is named (a connection string without a database).</summary>
    public const string PostgresVariable = "SALESCRM_BENCH_POSTGRES";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "salescrm-bench", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    /// <summary>"SQLite" or "PostgreSQL", for the printed figures.</summary>
    public string ProviderName => _postgresServer is null ? "SQLite" : "PostgreSQL";
    /// <summary>Leaves the database (SQLite file or PostgreSQL database) in place after the run, to look at query plans.</summary>
    public bool Keep { get; init; }
    /// <summary>More settings for one measurement (e.g. the copilot's chat model at a local stub).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>More services for one measurement (e.g. a knowledge search stand-in).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    private readonly string? _graphBaseUrl;
    private readonly bool _processing;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;
    private readonly bool _joined;

    /// <summary>The PostgreSQL database this host uses (for a second host to join), if on PostgreSQL.</summary>
    public string? PostgresDatabase => _postgresDatabase;

    /// <param name="joinDatabase">A PostgreSQL database another host made: this host shares it (a second instance) and neither creates nor drops it.</param>
    public BenchHost(string? graphBaseUrl = null, bool processing = true, string? postgresServer = null, string? joinDatabase = null)
    {
        _graphBaseUrl = graphBaseUrl;
        _processing = processing;
        _postgresServer = postgresServer;
        _joined = joinDatabase is not null;
        if (postgresServer is not null) _postgresDatabase = joinDatabase ?? (Environment.GetEnvironmentVariable("SALESCRM_BENCH_DB_PREFIX") ?? "salescrm_bench_") + Guid.NewGuid().ToString("N")[..12];
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
        if (Environment.GetEnvironmentVariable("BENCH_SQL_LOG") == "1") builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.UseSetting("Meta:AppSecret", WebhookBench.AppSecret);
        // The benchmark measures throughput, not the limiter's refusals: the limiter still runs, with room for the load.
        builder.UseSetting("RateLimits:WebhookPermitsPerMinute", "100000000");
        builder.UseSetting("RateLimits:ApiPermitsPerMinute", "100000000");
        if (_graphBaseUrl is not null) builder.UseSetting("Meta:GraphBaseUrl", _graphBaseUrl);
        builder.UseSetting("Inbox:ProcessingEnabled", _processing ? "true" : "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (ExtraServices is not null) builder.ConfigureServices(ExtraServices);
        if (_postgresServer is not null)
        {
            if (!_joined)
            {
                using var connection = new NpgsqlConnection(_postgresServer);
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
                create.ExecuteNonQuery();
            }
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Crm", new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ToString());
        }
    }

    /// <summary>The PostgreSQL database this host created, for a second instance on the same data; null on SQLite.</summary>
    public string? PostgresConnectionString => _postgresDatabase is null ? null : new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ToString();

    /// <summary>Where the data lives, to open it after a run with <see cref="Keep"/>.</summary>
    public string Location => _postgresDatabase is null ? Path.Combine(DataPath, "salescrm.db") : $"PostgreSQL database {_postgresDatabase}";

    /// <summary>
    /// On PostgreSQL vacuums and refreshes the planner's statistics after bulk seeding (VACUUM ANALYZE), as autovacuum does
    /// shortly after a bulk load in production (inserts trigger it since PostgreSQL 13; the visibility map it writes is what
    /// lets index-only scans skip the table); SQLite gathers none by itself, so it is left as the app leaves it.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        if (_postgresServer is null) return;
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
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

    /// <summary>Adds a new member with a system role (e.g. sales_rep, whose visibility is own) and signs them in.</summary>
    public async Task<Account> AddMemberAsync(Account admin, string roleName, string name)
    {
        var client = Http(admin.Token);
        var roles = JsonNode.Parse(await client.GetStringAsync("/api/v1/roles"))!["items"]!.AsArray();
        var roleId = (string)roles.First(r => (string?)r!["name"] == roleName)!["id"]!;
        var email = $"bench-{Guid.NewGuid():N}@bench.local";
        const string password = "Bench1234x";
        (await client.PostAsJsonAsync("/api/v1/members", new { email, role_id = roleId, name, password })).EnsureSuccessStatusCode();
        var response = await Http().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Account(email, password, Guid.Parse((string)body["user"]!["id"]!), admin.TenantId, (string)body["access_token"]!);
    }

    /// <summary>
    /// Bulk-inserts generated leads (with interactions and activities) for a tenant, in batches, owned by the account or
    /// spread over <paramref name="owners"/>.
    /// </summary>
    /// <param name="more">Extra rows for a batch before it is saved (e.g. WhatsApp messages and their timeline entries), given the batch and the run's random.</param>
    public async Task SeedAsync(Account account, int count, bool openOnly, int interactionsPerLead, IReadOnlyList<Account>? owners = null,
        Func<DemoData.Batch, Random, IEnumerable<object>>? more = null)
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
        var people = (owners ?? [account]).Select((o, i) => (o.UserId, $"Bench User {i}")).ToList();
        for (var done = 0; done < count; done += batchSize)
        {
            var batch = DemoData.Generate(account.TenantId, pipeline, people, Math.Min(batchSize, count - done), random, DateTime.UtcNow, interactionsPerLead);
            // Phones must stay unique across batches for the dedup indexes to mean something.
            foreach (var (lead, i) in batch.Leads.Select((l, i) => (l, i))) lead.Phone = $"+55119{(done + i) % 100_000_000:D8}";
            await using var scope = Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Leads.AddRange(batch.Leads);
            db.Interactions.AddRange(batch.Interactions);
            db.Activities.AddRange(batch.Activities);
            if (more is not null) db.AddRange(more(batch, random).ToList());
            DemoData.TrackResponses(batch);
            db.LeadStageHistory.AddRange(batch.History);
            db.LeadResponses.AddRange(batch.Responses);
            await db.SaveChangesAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Keep) return;
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
        if (_postgresDatabase is null || _joined) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
