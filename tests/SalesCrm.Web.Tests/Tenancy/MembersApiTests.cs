using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Tenancy;

public abstract class MembersApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task Adding_a_new_user_creates_the_account_and_membership()
    {
        var owner = await app.RegisterAsync();
        var role = await owner.RoleIdAsync("sales_rep");
        var email = Api.UniqueEmail();
        var member = await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email, role_id = role, name = "Carla", password = Api.Password })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(email, (string?)member["email"]);
        Assert.Equal(owner.TenantId.ToString(), (string?)member["tenant_id"]);
        Assert.Equal(role.ToString(), (string?)member["role_id"]);
        Assert.NotNull(member["user_id"]);
        await app.LoginAsync(email);
        var list = await (await owner.Client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)list["total"]!);
        Assert.Equal(50, (int)list["limit"]!);
        Assert.Equal(0, (int)list["offset"]!);
    }

    [Fact]
    public async Task A_new_user_needs_name_and_password()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email = Api.UniqueEmail(), role_id = await owner.RoleIdAsync("viewer") }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["name"]);
        Assert.NotNull(problem["errors"]!["password"]);
        var badRole = await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email = "nope" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(badRole["errors"]!["email"]);
        Assert.NotNull(badRole["errors"]!["role_id"]);
    }

    [Fact]
    public async Task An_existing_user_is_added_by_email_once()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var viewer = await owner.RoleIdAsync("viewer");
        await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email = other.Email, role_id = viewer })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email = other.Email, role_id = viewer })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task A_role_from_another_tenant_is_refused()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var foreignRole = await other.RoleIdAsync("viewer");
        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email = Api.UniqueEmail(), role_id = foreignRole, name = "X", password = Api.Password }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["role_id"]);
    }

    [Fact]
    public async Task Changing_a_role_and_removing_a_member_work()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var list = await (await owner.Client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        var id = (string)list["items"]!.AsArray().First(m => (string?)m!["email"] == rep.Email)!["id"]!;
        var manager = await owner.RoleIdAsync("manager");
        var changed = await (await owner.Client.PatchAsJsonAsync($"/api/v1/members/{id}", new { role_id = manager })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(manager.ToString(), (string?)changed["role_id"]);
        await (await owner.Client.DeleteAsync($"/api/v1/members/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.GetAsync($"/api/v1/members/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        // The removed user's token no longer opens anything in this tenant.
        await (await rep.Client.GetAsync("/api/v1/capabilities")).ExpectAsync(HttpStatusCode.OK);
        var me = await (await rep.Client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(me["capabilities"]!.AsArray());
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed_or_demoted()
    {
        var owner = await app.RegisterAsync();
        var list = await (await owner.Client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        var id = (string)list["items"]![0]!["id"]!;
        await (await owner.Client.DeleteAsync($"/api/v1/members/{id}")).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/members/{id}", new { role_id = await owner.RoleIdAsync("viewer") })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");

        // With a second owner the first may step down.
        var second = await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email = Api.UniqueEmail(), role_id = await owner.RoleIdAsync("owner"), name = "Co-owner", password = Api.Password })).ExpectAsync(HttpStatusCode.Created);
        Assert.NotNull(second["id"]);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/members/{id}", new { role_id = await owner.RoleIdAsync("admin") })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_cannot_grant_the_owner_role()
    {
        var owner = await app.RegisterAsync();
        var admin = await owner.AddMemberAsync("admin");
        var ownerRole = await owner.RoleIdAsync("owner");
        await (await admin.Client.PostAsJsonAsync("/api/v1/members", new { email = Api.UniqueEmail(), role_id = ownerRole, name = "X", password = Api.Password }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Members_need_users_manage_and_never_cross_tenants()
    {
        var alice = await app.RegisterAsync();
        var mallory = await app.RegisterAsync();
        var viewer = await alice.AddMemberAsync("viewer");
        await (await viewer.Client.GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var aliceMembers = await (await alice.Client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        var aliceMemberId = (string)aliceMembers["items"]![0]!["id"]!;
        await (await mallory.Client.GetAsync($"/api/v1/members/{aliceMemberId}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await mallory.Client.PatchAsJsonAsync($"/api/v1/members/{aliceMemberId}", new { role_id = await mallory.RoleIdAsync("viewer") })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await mallory.Client.DeleteAsync($"/api/v1/members/{aliceMemberId}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var malloryMembers = await (await mallory.Client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)malloryMembers["total"]!);
    }

    [Fact]
    public async Task Paging_parameters_are_validated()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.GetAsync("/api/v1/members?limit=0")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["limit"]);
        await (await owner.Client.GetAsync("/api/v1/members?limit=abc")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}

public sealed class MembersApiTestsOnSqlite(SqliteApp app) : MembersApiTests(app), IClassFixture<SqliteApp>;

public sealed class MembersApiTestsOnPostgres(PostgresApp app) : MembersApiTests(app), IClassFixture<PostgresApp>;
