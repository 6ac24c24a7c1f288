using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// One app instance (its own process state and data folder) on a PostgreSQL database other instances share.
/// <paramref name="settings"/> is extra configuration for this instance (e.g. <c>Scale:Redis</c>, <c>Storage:Provider</c>).
/// </summary>
public sealed class AppInstance(string connectionString, bool demo = false, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    : CrmAppFactory(TestProvider.Postgres)
{
    protected override string PostgresConnectionString() => connectionString;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [new("Demo:Enabled", demo ? "true" : "false"), .. settings ?? []];
}
