using System.Net;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Health;

public abstract class HealthAndDocsTests(CrmAppFactory app)
{
    [Fact]
    public async Task Liveness_and_readiness_report_json_component_status()
    {
        var client = app.CreateClient();
        var live = await (await client.GetAsync("/health")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", (string?)live["status"]);
        var ready = await (await client.GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", (string?)ready["components"]!["database"]!["status"]);
    }

    [Fact]
    public async Task The_openapi_document_and_reference_are_served()
    {
        var client = app.CreateClient();
        var doc = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/me", "/api/v1/roles", "/api/v1/members", "/api/v1/api-keys", "/api/v1/audit-logs" })
            Assert.True(paths.ContainsKey(path), $"{path} missing from OpenAPI");
        var docs = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync());
    }
}

public sealed class HealthAndDocsTestsOnSqlite(SqliteApp app) : HealthAndDocsTests(app), IClassFixture<SqliteApp>;

public sealed class HealthAndDocsTestsOnPostgres(PostgresApp app) : HealthAndDocsTests(app), IClassFixture<PostgresApp>;
