using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>Small helpers over HttpClient for snake_case JSON APIs; every test builds its own tenants through the API.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@test.example";

    public const string Password = "Passw0rdX";

    /// <summary>Registers a new user with their own tenant and returns a client authenticated as them.</summary>
    public static async Task<Session> RegisterAsync(this CrmAppFactory app, string? tenantName = null, string? email = null)
    {
        var client = app.CreateClient();
        email ??= UniqueEmail("owner");
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, name = "Owner " + email[..5], tenant_name = tenantName ?? "Tenant " + Guid.NewGuid().ToString("N")[..6] });
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return Session.From(app, email, body);
    }

    public static async Task<Session> LoginAsync(this CrmAppFactory app, string email, string password = Password)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return Session.From(app, email, body);
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body.ToJsonString()} {response.Headers.WwwAuthenticate}");
        return body;
    }

    /// <summary>Asserts an RFC 9457 problem response with the given stable code.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)body["code"]);
        Assert.Equal((int)status, (int?)body["status"]);
        // RFC 9457: every problem names its type (a URI) and a human title.
        Assert.True(body["type"] is JsonValue type && Uri.IsWellFormedUriString((string?)type, UriKind.Absolute), $"problem without a type: {body.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace((string?)body["title"]), $"problem without a title: {body.ToJsonString()}");
        return body;
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed record Session(CrmAppFactory App, string Email, Guid UserId, Guid TenantId, string AccessToken, string RefreshToken)
{
    public HttpClient Client { get; } = App.CreateClient().WithBearer(AccessToken);

    public static Session From(CrmAppFactory app, string email, JsonNode body) => new(app, email,
        Guid.Parse((string)body["user"]!["id"]!), Guid.Parse((string)body["tenant"]!["id"]!),
        (string)body["access_token"]!, (string)body["refresh_token"]!);

    public async Task<Guid> RoleIdAsync(string name)
    {
        var roles = await (await Client.GetAsync("/api/v1/roles")).ExpectAsync(HttpStatusCode.OK);
        return Guid.Parse((string)roles["items"]!.AsArray().First(r => (string?)r!["name"] == name)!["id"]!);
    }

    /// <summary>Adds a brand-new user to this tenant with the named role and logs them in.</summary>
    public async Task<Session> AddMemberAsync(string roleName)
    {
        var email = Api.UniqueEmail("member");
        var response = await Client.PostAsJsonAsync("/api/v1/members", new { email, role_id = await RoleIdAsync(roleName), name = "Member", password = Api.Password });
        await response.ExpectAsync(HttpStatusCode.Created);
        return await App.LoginAsync(email);
    }
}
