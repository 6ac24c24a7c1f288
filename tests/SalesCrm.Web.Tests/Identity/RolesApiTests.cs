using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Identity;

public abstract class RolesApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task Capabilities_lists_the_catalogue()
    {
        var owner = await app.RegisterAsync();
        var body = await (await owner.Client.GetAsync("/api/v1/capabilities")).ExpectAsync(HttpStatusCode.OK);
        var names = body["items"]!.AsArray().Select(c => (string?)c!["name"]).ToList();
        Assert.Equal(13, names.Count);
        Assert.Contains("leads.export", names);
        Assert.Equal(13, (int)body["total"]!);
    }

    [Fact]
    public async Task Each_tenant_starts_with_the_five_system_roles()
    {
        var owner = await app.RegisterAsync();
        var roles = (await (await owner.Client.GetAsync("/api/v1/roles")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(["owner", "admin", "manager", "sales_rep", "viewer"], roles.Select(r => (string)r!["name"]!).ToArray());
        Assert.All(roles, r => Assert.True((bool)r!["is_system"]!));
        Assert.Equal(13, roles[0]!["capabilities"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_custom_role_can_be_created_renamed_given_capabilities_and_deleted()
    {
        var owner = await app.RegisterAsync();
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Closer", capabilities = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.False((bool)created["is_system"]!);

        var renamed = await (await owner.Client.PatchAsJsonAsync($"/api/v1/roles/{id}", new { name = "Senior closer" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Senior closer", (string?)renamed["name"]);
        Assert.Equal(["leads.read"], renamed["capabilities"]!.AsArray().Select(c => (string)c!).ToArray());

        var withCaps = await (await owner.Client.PutAsJsonAsync($"/api/v1/roles/{id}/capabilities", new { capabilities = new[] { "leads.write", "leads.read", "reports.view" } })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["leads.read", "leads.write", "reports.view"], withCaps["capabilities"]!.AsArray().Select(c => (string)c!).ToArray());

        await (await owner.Client.DeleteAsync($"/api/v1/roles/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.GetAsync($"/api/v1/roles/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task An_unknown_capability_returns_400_naming_the_field()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Bad", capabilities = new[] { "leads.fly" } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("leads.fly", (string?)problem["errors"]!["capabilities"]![0]);
        var noName = await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { capabilities = new[] { "leads.read" } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(noName["errors"]!["name"]);
    }

    [Fact]
    public async Task Role_names_are_unique_in_a_tenant()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Closer", capabilities = Array.Empty<string>() })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "closer", capabilities = Array.Empty<string>() })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task System_roles_cannot_be_deleted_or_renamed_and_owner_capabilities_are_fixed()
    {
        var owner = await app.RegisterAsync();
        var viewer = await owner.RoleIdAsync("viewer");
        var ownerRole = await owner.RoleIdAsync("owner");
        await (await owner.Client.DeleteAsync($"/api/v1/roles/{viewer}")).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/roles/{viewer}", new { name = "Watcher" })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await owner.Client.PutAsJsonAsync($"/api/v1/roles/{ownerRole}/capabilities", new { capabilities = new[] { "leads.read" } })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        // Non-owner system roles may be tuned.
        await (await owner.Client.PutAsJsonAsync($"/api/v1/roles/{viewer}/capabilities", new { capabilities = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_in_use_cannot_be_deleted()
    {
        var owner = await app.RegisterAsync();
        var role = await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Used", capabilities = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email = Api.UniqueEmail(), role_id = (string)role["id"]!, name = "M", password = Api.Password })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.DeleteAsync($"/api/v1/roles/{role["id"]}")).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task Roles_need_users_manage()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.GetAsync("/api/v1/roles")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Sneaky", capabilities = new[] { "users.manage" } })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await app.CreateClient().GetAsync("/api/v1/roles")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Another_tenants_role_answers_404()
    {
        var alice = await app.RegisterAsync();
        var mallory = await app.RegisterAsync();
        var aliceViewer = await alice.RoleIdAsync("viewer");
        await (await mallory.Client.GetAsync($"/api/v1/roles/{aliceViewer}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await mallory.Client.PutAsJsonAsync($"/api/v1/roles/{aliceViewer}/capabilities", new { capabilities = new[] { "leads.read" } })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await mallory.Client.DeleteAsync($"/api/v1/roles/{aliceViewer}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Revoking_a_capability_takes_effect_on_the_next_request()
    {
        var owner = await app.RegisterAsync();
        var role = await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Team lead", capabilities = new[] { "users.manage" } })).ExpectAsync(HttpStatusCode.Created);
        var email = Api.UniqueEmail();
        await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email, role_id = (string)role["id"]!, name = "Lead", password = Api.Password })).ExpectAsync(HttpStatusCode.Created);
        var lead = await app.LoginAsync(email);
        await (await lead.Client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PutAsJsonAsync($"/api/v1/roles/{role["id"]}/capabilities", new { capabilities = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.OK);
        await (await lead.Client.GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}

public sealed class RolesApiTestsOnSqlite(SqliteApp app) : RolesApiTests(app), IClassFixture<SqliteApp>;

public sealed class RolesApiTestsOnPostgres(PostgresApp app) : RolesApiTests(app), IClassFixture<PostgresApp>;
