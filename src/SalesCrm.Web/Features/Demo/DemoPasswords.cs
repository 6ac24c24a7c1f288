using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// The demo users' passwords are shown once, on the first run. <c>demo reset-passwords</c> (a command of the app,
/// run on the server) gives the demo workspace's own accounts new random passwords and prints them.
/// </summary>
public static class DemoPasswords
{
    public sealed record Credential(string Role, string Email, string Password);

    /// <summary>The command to type for new passwords: through <c>dotnet run</c> in a checkout, through the published dll elsewhere.</summary>
    public static string ResetCommand(IHostEnvironment environment) => environment.IsDevelopment()
        ? "dotnet run --project src/SalesCrm.Web -- demo reset-passwords"
        : "dotnet SalesCrm.Web.dll demo reset-passwords  (Docker: docker exec <container> dotnet SalesCrm.Web.dll demo reset-passwords)";

    /// <summary>
    /// New passwords for the members of the demo workspace whose e-mail is in <see cref="DemoOptions.EmailDomain"/>
    /// (people added to the demo by hand keep theirs); lockouts are lifted and their sessions end. Returns the exit code:
    /// 0, or 1 when there is no demo workspace.
    /// </summary>
    public static async Task<int> ResetAsync(IServiceProvider services, TextWriter console, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var domain = "@" + sp.GetRequiredService<IOptions<DemoOptions>>().Value.EmailDomain;
        await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == DemoWorkspace.Slug, ct);
        if (tenant is null)
        {
            await console.WriteLineAsync("There is no demo workspace in this database (it is created on the first run while Demo:Enabled is true).");
            return 1;
        }
        var members = await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenant.Id)
            .Select(m => new { m.UserId, m.User!.Email, Role = m.Role!.Key ?? m.Role.Name }).ToListAsync(ct);
        var accounts = sp.GetRequiredService<UserAccounts>();
        var credentials = new List<Credential>();
        foreach (var member in members.Where(m => m.Email is not null && m.Email.EndsWith(domain, StringComparison.OrdinalIgnoreCase))
                     .OrderBy(m => Rank(m.Role)).ThenBy(m => m.Email))
        {
            var password = DemoWorkspace.NewPassword();
            await accounts.ResetPasswordAsync(member.UserId, password, ct);
            credentials.Add(new(member.Role, member.Email!, password));
        }
        await PrintAsync(console, $"New passwords for the demo workspace '{tenant.Name}':", credentials);
        return 0;
    }

    /// <summary>Owner first, then the other system roles in their usual order, custom roles last.</summary>
    private static int Rank(string role)
    {
        for (var i = 0; i < SystemRoles.Seed.Count; i++) if (SystemRoles.Seed[i].Key == role) return i;
        return SystemRoles.Seed.Count;
    }

    public static async Task PrintAsync(TextWriter console, string title, IEnumerable<Credential> credentials)
    {
        await console.WriteLineAsync();
        await console.WriteLineAsync(title);
        foreach (var (role, email, password) in credentials) await console.WriteLineAsync($"  {role,-10} {email,-32} {password}");
        await console.WriteLineAsync();
    }
}
