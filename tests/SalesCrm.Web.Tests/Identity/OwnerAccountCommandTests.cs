using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Identity;

/// <summary>Where nobody may register (the Docker image), the operator creates the first owner from the console.</summary>
public sealed class OwnerAccountCommandTests(ClosedRegistrationApp app) : IClassFixture<ClosedRegistrationApp>
{
    [Fact]
    public async Task Accounts_create_owner_makes_a_workspace_whose_owner_signs_in_with_the_printed_password()
    {
        var email = Api.UniqueEmail("first");
        var console = new StringWriter();
        var code = await AdminCommands.RunAsync(app.Services, ["accounts", "create-owner", "--email", email, "--name", "Maria Silva", "--workspace", "Acme Vendas"], console);
        Assert.Equal(0, code);
        var password = console.ToString().Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(p => p.Length == 3 && p[1] == email)[2];
        var owner = await app.LoginAsync(email, password);
        var me = await (await owner.Client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Acme Vendas", (string?)me["current_tenant"]!["name"]);
        Assert.Contains("tenants.manage", me["capabilities"]!.AsArray().Select(c => (string?)c));
        // Registration stays closed to everyone else.
        await (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = Api.UniqueEmail(), password = Api.Password, name = "X", tenant_name = "Y" }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_command_with_missing_options_or_an_unknown_command_prints_its_usage_and_fails()
    {
        var console = new StringWriter();
        Assert.Equal(2, await AdminCommands.RunAsync(app.Services, ["accounts", "create-owner", "--email", "a@b.test"], console));
        Assert.Equal(2, await AdminCommands.RunAsync(app.Services, ["accounts", "delete-everything"], console));
        Assert.Contains("accounts create-owner --email", console.ToString());
    }

    [Fact]
    public async Task The_healthcheck_command_exits_zero_only_when_the_instance_is_ready()
    {
        await using var real = new SalesCrm.Web.Tests.Health.DirectApp();
        await ((IAsyncLifetime)real).InitializeAsync();
        Assert.Equal(0, await HealthProbe.RunAsync(["healthcheck", new Uri(real.BaseAddress, "/health/ready").ToString()]));
        Assert.Equal(1, await HealthProbe.RunAsync(["healthcheck", "http://127.0.0.1:1/health/ready"]));
    }
}
