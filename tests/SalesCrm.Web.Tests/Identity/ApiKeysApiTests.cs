using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Identity;

public abstract class ApiKeysApiTests(CrmAppFactory app)
{
    private async Task<(string Id, string Key)> CreateKeyAsync(Session owner, params string[] scopes)
    {
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Zapier", scopes })).ExpectAsync(HttpStatusCode.Created);
        return ((string)created["id"]!, (string)created["key"]!);
    }

    private HttpClient KeyClient(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task The_key_is_shown_once_and_listed_without_it()
    {
        var owner = await app.RegisterAsync();
        var (id, key) = await CreateKeyAsync(owner, "leads.read");
        Assert.StartsWith("sk_", key);
        var list = await (await owner.Client.GetAsync("/api/v1/api-keys")).ExpectAsync(HttpStatusCode.OK);
        var item = list["items"]!.AsArray().Single()!;
        Assert.Equal(id, (string?)item["id"]);
        Assert.Null(item["key"]);
        Assert.DoesNotContain(key["sk_".Length..].Split('_', 2)[1], list.ToJsonString());
        Assert.True((bool)item["active"]!);
    }

    [Fact]
    public async Task Scopes_limit_what_a_key_may_do()
    {
        var owner = await app.RegisterAsync();
        var (_, readOnly) = await CreateKeyAsync(owner, "leads.read");
        var (_, admin) = await CreateKeyAsync(owner, "users.manage");
        await (await KeyClient(readOnly).GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var members = await (await KeyClient(admin).GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)members["total"]!);
    }

    [Fact]
    public async Task Using_a_key_records_its_last_use()
    {
        var owner = await app.RegisterAsync();
        var (_, key) = await CreateKeyAsync(owner, "users.manage");
        await (await KeyClient(key).GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        var list = await (await owner.Client.GetAsync("/api/v1/api-keys")).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(list["items"]![0]!["last_used_at"]);
    }

    [Fact]
    public async Task A_revoked_or_wrong_key_returns_401()
    {
        var owner = await app.RegisterAsync();
        var (id, key) = await CreateKeyAsync(owner, "users.manage");
        await (await owner.Client.DeleteAsync($"/api/v1/api-keys/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await KeyClient(key).GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await KeyClient(key[..^2] + "xx").GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await KeyClient("garbage").GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var list = await (await owner.Client.GetAsync("/api/v1/api-keys")).ExpectAsync(HttpStatusCode.OK);
        Assert.False((bool)list["items"]![0]!["active"]!);
    }

    [Fact]
    public async Task Scopes_must_be_known_capabilities_the_creator_holds_and_expiry_in_the_future()
    {
        var owner = await app.RegisterAsync();
        var unknown = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "leads.fly" } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(unknown["errors"]!["scopes"]);
        var past = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "leads.read" }, expires_at = DateTime.UtcNow.AddDays(-1) })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(past["errors"]!["expires_at"]);

        // An admin (no tenants.manage) cannot mint a key with tenants.manage.
        var admin = await owner.AddMemberAsync("admin");
        var beyond = await (await admin.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "tenants.manage" } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(beyond["errors"]!["scopes"]);
    }

    [Fact]
    public async Task A_key_sees_only_its_own_tenant()
    {
        var alice = await app.RegisterAsync();
        var mallory = await app.RegisterAsync();
        var (_, key) = await CreateKeyAsync(mallory, "users.manage");
        var aliceMembers = await (await alice.Client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        var aliceMemberId = (string)aliceMembers["items"]![0]!["id"]!;
        await (await KeyClient(key).GetAsync($"/api/v1/members/{aliceMemberId}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/members");
        request.Headers.Add("X-Tenant-Id", alice.TenantId.ToString());
        await (await KeyClient(key).SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Forbidden, "TENANT_ACCESS_DENIED");
    }

    [Fact]
    public async Task Api_keys_need_settings_manage()
    {
        var owner = await app.RegisterAsync();
        var manager = await owner.AddMemberAsync("manager");
        await (await manager.Client.GetAsync("/api/v1/api-keys")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await manager.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "leads.read" } })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}

public sealed class ApiKeysApiTestsOnSqlite(SqliteApp app) : ApiKeysApiTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeysApiTestsOnPostgres(PostgresApp app) : ApiKeysApiTests(app), IClassFixture<PostgresApp>;
