using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Identity;

public abstract class AuthApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task Register_returns_201_with_user_tenant_and_tokens()
    {
        var client = app.CreateClient();
        var email = Api.UniqueEmail();
        var body = await (await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Api.Password, name = "Maria Silva", tenant_name = "Óticas São João" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(email, (string?)body["user"]!["email"]);
        Assert.Equal("Maria Silva", (string?)body["user"]!["name"]);
        Assert.Equal("Óticas São João", (string?)body["tenant"]!["name"]);
        Assert.StartsWith("oticas-sao-joao", (string?)body["tenant"]!["slug"]);
        Assert.False(string.IsNullOrEmpty((string?)body["access_token"]));
        Assert.False(string.IsNullOrEmpty((string?)body["refresh_token"]));
        Assert.InRange((int)body["expires_in"]!, 3000, 3600);
    }

    [Fact]
    public async Task Access_token_carries_tenant_and_capability_claims()
    {
        var owner = await app.RegisterAsync();
        var payload = owner.AccessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        var claims = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!;
        Assert.Equal(owner.TenantId.ToString(), (string?)claims["tenant_id"]);
        Assert.Contains("users.manage", claims["cap"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task Register_with_invalid_fields_returns_400_problem_naming_each_field()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = "short", name = "", tenant_name = "" });
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("email"));
        Assert.True(errors.ContainsKey("password"));
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("tenant_name"));
    }

    [Fact]
    public async Task Register_with_malformed_json_returns_400_problem()
    {
        var response = await app.CreateClient().PostAsync("/api/v1/auth/register", new StringContent("{not json", Encoding.UTF8, "application/json"));
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_or_outside_an_enum_is_reported_under_its_field()
    {
        var owner = await app.RegisterAsync();
        var badEnum = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Maria", priority = "mega" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(badEnum["errors"]!["priority"]);
        var badType = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Maria", value = "lots" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(badType["errors"]!["value"]);
    }

    [Fact]
    public async Task Register_with_a_taken_email_returns_409()
    {
        var owner = await app.RegisterAsync();
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = owner.Email, password = Api.Password, name = "X", tenant_name = "Y" });
        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task Token_with_a_wrong_password_returns_401_problem()
    {
        var owner = await app.RegisterAsync();
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = owner.Email, password = "Wrong1234" });
        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Token_accepts_the_oauth_password_form()
    {
        var owner = await app.RegisterAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = owner.Email, ["password"] = Api.Password });
        var body = await (await app.CreateClient().PostAsync("/api/v1/auth/token", form)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(owner.TenantId.ToString(), (string?)body["tenant"]!["id"]);
    }

    [Fact]
    public async Task Five_failed_passwords_lock_the_account_even_for_the_right_password()
    {
        var owner = await app.RegisterAsync();
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
            await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = owner.Email, password = "Wrong1234" })).ExpectAsync(HttpStatusCode.Unauthorized);
        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = owner.Email, password = Api.Password })).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", (string?)problem["title"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Me_without_a_token_returns_401_problem()
    {
        await (await app.CreateClient().GetAsync("/api/v1/me")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Me_with_a_forged_token_returns_401()
    {
        var owner = await app.RegisterAsync();
        var parts = owner.AccessToken.Split('.');
        var forged = app.CreateClient().WithBearer($"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA");
        await (await forged.GetAsync("/api/v1/me")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Me_describes_the_user_memberships_current_tenant_and_capabilities()
    {
        var owner = await app.RegisterAsync("Me Tenant");
        var me = await (await owner.Client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(owner.Email, (string?)me["user"]!["email"]);
        Assert.Equal(owner.TenantId.ToString(), (string?)me["current_tenant"]!["id"]);
        Assert.Single(me["memberships"]!.AsArray());
        Assert.Equal(13, me["capabilities"]!.AsArray().Count);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token()
    {
        var owner = await app.RegisterAsync();
        var client = app.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = owner.RefreshToken })).ExpectAsync(HttpStatusCode.OK);
        var next = (string)first["refresh_token"]!;
        Assert.NotEqual(owner.RefreshToken, next);
        await (await app.CreateClient().WithBearer((string)first["access_token"]!).GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = next })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_whole_family()
    {
        var owner = await app.RegisterAsync();
        var client = app.CreateClient();
        var rotated = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = owner.RefreshToken })).ExpectAsync(HttpStatusCode.OK);
        var reuse = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = owner.RefreshToken });
        await reuse.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        // The legitimate newer token dies with the family.
        var afterReuse = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = (string)rotated["refresh_token"]! });
        await afterReuse.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Refresh_through_the_oauth_form_works_too()
    {
        var owner = await app.RegisterAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = owner.RefreshToken });
        await (await app.CreateClient().PostAsync("/api/v1/auth/token", form)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var owner = await app.RegisterAsync();
        var client = app.CreateClient();
        await (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refresh_token = owner.RefreshToken })).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = owner.RefreshToken })).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Switch_tenant_returns_tokens_for_another_tenant_the_user_belongs_to()
    {
        var alice = await app.RegisterAsync("Alice Co");
        var bob = await app.RegisterAsync("Bob Co");
        var viewer = await bob.RoleIdAsync("viewer");
        await (await bob.Client.PostAsJsonAsync("/api/v1/members", new { email = alice.Email, role_id = viewer })).ExpectAsync(HttpStatusCode.Created);

        var switched = await (await alice.Client.PostAsJsonAsync("/api/v1/auth/switch-tenant", new { tenant_id = bob.TenantId })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(bob.TenantId.ToString(), (string?)switched["tenant"]!["id"]);
        var asViewer = app.CreateClient().WithBearer((string)switched["access_token"]!);
        var me = await (await asViewer.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(bob.TenantId.ToString(), (string?)me["current_tenant"]!["id"]);
        Assert.Equal(2, me["memberships"]!.AsArray().Count);
        Assert.DoesNotContain("users.manage", me["capabilities"]!.AsArray().Select(c => (string?)c));
        await (await asViewer.GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Switch_tenant_to_a_foreign_tenant_returns_403_tenant_access_denied()
    {
        var alice = await app.RegisterAsync();
        var mallory = await app.RegisterAsync();
        var response = await mallory.Client.PostAsJsonAsync("/api/v1/auth/switch-tenant", new { tenant_id = alice.TenantId });
        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "TENANT_ACCESS_DENIED");
    }

    [Fact]
    public async Task X_Tenant_Id_must_match_a_membership()
    {
        var alice = await app.RegisterAsync();
        var mallory = await app.RegisterAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/roles");
        request.Headers.Add("X-Tenant-Id", alice.TenantId.ToString());
        await (await mallory.Client.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Forbidden, "TENANT_ACCESS_DENIED");

        var own = new HttpRequestMessage(HttpMethod.Get, "/api/v1/roles");
        own.Headers.Add("X-Tenant-Id", mallory.TenantId.ToString());
        await (await mallory.Client.SendAsync(own)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_request_with_a_wrong_type_gets_400_naming_the_field_and_one_not_in_json_gets_415()
    {
        var client = app.CreateClient();
        var wrongType = await client.PostAsync("/api/v1/auth/token", new StringContent("{\"email\": 1, \"password\": \"x\"}", System.Text.Encoding.UTF8, "application/json"));
        var problem = await wrongType.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["email"]);
        var broken = await client.PostAsync("/api/v1/auth/token", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));
        await broken.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var text = await client.PostAsync("/api/v1/auth/token", new StringContent("email=a", System.Text.Encoding.UTF8, "text/plain"));
        await text.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Correlation_id_is_echoed_or_generated()
    {
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Correlation-ID", "abc-123");
        var response = await client.SendAsync(request);
        Assert.Equal("abc-123", response.Headers.GetValues("X-Correlation-ID").Single());
        var problem = await response.ReadJsonAsync();
        Assert.Equal("abc-123", (string?)problem["correlation_id"]);
        var generated = await client.GetAsync("/health");
        Assert.False(string.IsNullOrEmpty(generated.Headers.GetValues("X-Correlation-ID").Single()));
    }
}

public sealed class AuthApiTestsOnSqlite(SqliteApp app) : AuthApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuthApiTestsOnPostgres(PostgresApp app) : AuthApiTests(app), IClassFixture<PostgresApp>;
