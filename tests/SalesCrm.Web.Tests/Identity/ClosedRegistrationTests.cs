using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Identity;

public sealed class ClosedRegistrationTests(ClosedRegistrationApp app) : IClassFixture<ClosedRegistrationApp>
{
    [Fact]
    public async Task Registration_is_refused_when_self_registration_is_off()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = Api.UniqueEmail(), password = Api.Password, name = "X", tenant_name = "Y" });
        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var page = await app.CreateClient().GetStringAsync("/account/register");
        Assert.DoesNotContain("register-submit", page);
        Assert.DoesNotContain("register-link", await app.CreateClient().GetStringAsync("/account/login"));
    }
}
