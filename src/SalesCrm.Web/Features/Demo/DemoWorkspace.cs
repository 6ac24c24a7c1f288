using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// On the first run creates the "demo" workspace with an owner, a manager and two sales reps. Passwords are random
/// and printed once to the console; nothing is fixed. <c>Demo:Enabled=false</c> turns it off.
/// </summary>
public static class DemoWorkspace
{
    public const string Slug = "demo";

    public static async Task SeedDemoWorkspaceAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var config = services.GetRequiredService<IConfiguration>();
        if (!config.GetValue("Demo:Enabled", true)) return;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.Tenants.AnyAsync(t => t.Slug == Slug, ct)) return;
        }
        var domain = config["Demo:EmailDomain"] ?? "demo.salescrm.local";
        var accounts = sp.GetRequiredService<UserAccounts>();
        var auth = sp.GetRequiredService<AuthService>();
        var credentials = new List<(string Email, string Password, string Role)>();

        var ownerPassword = NewPassword();
        var (owner, tenant) = await auth.CreateAccountAsync($"owner@{domain}", ownerPassword, "Ana Souza", "Demo Vendas", ct);
        credentials.Add((owner.Email!, ownerPassword, SystemRoles.Owner));
        await using (var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct))
        {
            var t = await db.Tenants.FirstAsync(x => x.Id == tenant.Id, ct);
            t.Slug = Slug;
            var roles = await db.Roles.IgnoreQueryFilters().Where(r => r.TenantId == tenant.Id).ToDictionaryAsync(r => r.Key ?? r.Name, ct);
            foreach (var (email, name, role) in new[]
                     {
                         ($"gestor@{domain}", "Bruno Lima", SystemRoles.Manager),
                         ($"carla@{domain}", "Carla Mendes", SystemRoles.SalesRep),
                         ($"diego@{domain}", "Diego Rocha", SystemRoles.SalesRep),
                     })
            {
                var password = NewPassword();
                var user = await accounts.CreateAsync(email, name, password, ct);
                db.Memberships.Add(new Membership { TenantId = tenant.Id, UserId = user.Id, RoleId = roles[role].Id, CreatedAt = DateTime.UtcNow });
                credentials.Add((email, password, role));
            }
            await db.SaveChangesAsync(ct);
        }
        await SeedPipelineAsync(sp, tenant.Id, ct);
        Console.WriteLine();
        Console.WriteLine("Demo workspace 'Demo Vendas' created. These passwords are shown only once:");
        foreach (var (email, password, role) in credentials) Console.WriteLine($"  {role,-10} {email,-32} {password}");
        Console.WriteLine();
    }

    /// <summary>About 60 leads over every stage and owner, with timelines, activities (some overdue), rotting and closed deals.</summary>
    private static async Task SeedPipelineAsync(IServiceProvider sp, Guid tenantId, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        var pipeline = await db.Pipelines.IgnoreQueryFilters().Include(p => p.Stages).FirstAsync(p => p.TenantId == tenantId, ct);
        var owners = await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId)
            .Select(m => new { m.UserId, m.User!.Name }).ToListAsync(ct);
        var batch = DemoData.Generate(tenantId, Core.Pipelines.PipelineService.ToDto(pipeline), owners.Select(o => (o.UserId, o.Name)).ToList(), 60, new Random(), DateTime.UtcNow);
        db.Leads.AddRange(batch.Leads);
        db.Interactions.AddRange(batch.Interactions);
        db.Activities.AddRange(batch.Activities);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A random password that satisfies the policy (upper, lower, digit, ≥ 8).</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 14).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        chars[0] = "ABCDEFGHJKLMNPQRSTUVWXYZ"[RandomNumberGenerator.GetInt32(24)];
        chars[1] = "abcdefghijkmnpqrstuvwxyz"[RandomNumberGenerator.GetInt32(24)];
        chars[2] = "23456789"[RandomNumberGenerator.GetInt32(8)];
        return new string(chars);
    }
}
