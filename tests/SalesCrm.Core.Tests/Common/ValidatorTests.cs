using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Tests.Common;

public class ValidatorTests
{
    [Theory]
    [InlineData("Passw0rd", true)]
    [InlineData("password1", false)]
    [InlineData("PASSWORD1", false)]
    [InlineData("Password", false)]
    [InlineData("Pa1", false)]
    [InlineData("", false)]
    public void The_password_policy_needs_eight_characters_upper_lower_and_digit(string password, bool valid)
    {
        Assert.Equal(valid, new Validator().Password("password", password).IsValid);
    }

    [Theory]
    [InlineData("ana@empresa.com.br", true)]
    [InlineData("not-an-email", false)]
    [InlineData("a@b", false)]
    [InlineData("Ana <ana@x.com>", false)]
    public void Emails_are_checked(string email, bool valid) => Assert.Equal(valid, Validator.IsEmail(email));

    [Fact]
    public void All_field_errors_are_reported_together()
    {
        var e = Assert.Throws<ValidationException>(() =>
            new Validator().Email("email", "x").Require("name", "").Password("password", "x").ThrowIfInvalid());
        Assert.Equal(["email", "name", "password"], e.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("Óticas São João", "oticas-sao-joao")]
    [InlineData("  Acme   Ltda. ", "acme-ltda")]
    [InlineData("!!!", "workspace")]
    public void Tenant_slugs_are_ascii_and_dashed(string name, string slug) => Assert.Equal(slug, TenantService.Slugify(name));

    [Fact]
    public void Unknown_capabilities_are_rejected_and_known_ones_kept_in_catalogue_order()
    {
        Assert.Equal([Capabilities.LeadsRead, Capabilities.UsersManage], RoleService.ValidateCapabilities([Capabilities.UsersManage, Capabilities.LeadsRead, Capabilities.LeadsRead]));
        var e = Assert.Throws<ValidationException>(() => RoleService.ValidateCapabilities(["leads.fly"], "scopes"));
        Assert.True(e.Errors.ContainsKey("scopes"));
    }

    [Fact]
    public void System_roles_are_seeded_with_owner_holding_everything_and_viewer_read_only()
    {
        Assert.Equal(["owner", "admin", "manager", "sales_rep", "viewer"], SystemRoles.Seed.Select(r => r.Key));
        Assert.Equal(Capabilities.All, SystemRoles.Seed[0].Capabilities);
        Assert.DoesNotContain(Capabilities.TenantsManage, SystemRoles.Seed[1].Capabilities);
        Assert.DoesNotContain(Capabilities.LeadsWrite, SystemRoles.Seed[4].Capabilities);
    }
}
