using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace SalesCrm.Web.Tests.Infrastructure;

public enum TestProvider { Sqlite, Postgres }

/// <summary>
/// The real host over a fresh database per fixture, built by running the migrations. PostgreSQL comes from
/// <c>SALESCRM_TEST_POSTGRES</c> (the test script starts a throwaway cluster); without it the PostgreSQL tests fail.
/// </summary>
public class CrmAppFactory(TestProvider provider) : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "SALESCRM_TEST_POSTGRES";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "salescrm-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    public TestProvider Provider { get; } = provider;

    /// <summary>This host's <c>Storage:DataPath</c>: files written here before the host starts are what it finds on disk.</summary>
    public string DataPath => _dataPath;

    /// <summary>Extra configuration a derived fixture wants (e.g. an AzureAd section).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataPath);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataPath", _dataPath);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        if (Provider == TestProvider.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Crm", PostgresConnectionString());
        }
        foreach (var (key, value) in ExtraSettings()) builder.UseSetting(key, value);
    }

    /// <summary>The PostgreSQL database this host uses: by default a fresh one, dropped when the host is disposed.</summary>
    protected virtual string PostgresConnectionString() => CreatePostgresDatabase();

    private string CreatePostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL.");
        _postgresDatabase = "crm_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class SqliteApp() : CrmAppFactory(TestProvider.Sqlite);

public sealed class PostgresApp() : CrmAppFactory(TestProvider.Postgres);

/// <summary>An installation where only invited users get accounts.</summary>
public sealed class ClosedRegistrationApp() : CrmAppFactory(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Auth:AllowSelfRegistration", "false")];
}

/// <summary>SQLite with rate limits out of the way, for tests that send hundreds of requests as one caller.</summary>
public sealed class FuzzApp() : CrmAppFactory(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("RateLimits:ApiPermitsPerMinute", "1000000")];
}

/// <summary>SQLite with the session check on every request (<c>Auth:SessionCheckSeconds</c> 0), for tests of sessions ending.</summary>
public sealed class SessionCheckApp() : CrmAppFactory(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Auth:SessionCheckSeconds", "0")];
}
