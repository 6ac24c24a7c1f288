using Npgsql;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>An empty PostgreSQL database that several app instances share; dropped on dispose.</summary>
public sealed class SharedPostgresDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name = "crm_scaleout_" + Guid.NewGuid().ToString("N")[..12];

    private SharedPostgresDatabase(string server) => _server = server;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();

    public static async Task<SharedPostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(CrmAppFactory.PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{CrmAppFactory.PostgresVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL.");
        var database = new SharedPostgresDatabase(server);
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
