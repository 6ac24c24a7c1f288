using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>One app instance (its own process state and data folder) on a PostgreSQL database other instances share.</summary>
public sealed class AppInstance(string connectionString, bool demo = false) : CrmAppFactory(TestProvider.Postgres)
{
    protected override string PostgresConnectionString() => connectionString;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Demo:Enabled", demo ? "true" : "false")];
}
