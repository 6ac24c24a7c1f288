using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// On the first run creates the "demo" workspace with an owner, a manager and two sales reps. Passwords are random
/// and printed once to the console; later starts print how to get new ones (<see cref="DemoPasswords"/>).
/// <c>Demo:Enabled=false</c> turns it off.
/// </summary>
public static class DemoWorkspace
{
    public const string Slug = "demo";
    public const string Name = "Demo Vendas";

    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();
        return services;
    }

    /// <summary>Creates the demo workspace when enabled and missing; when it exists, tells <paramref name="console"/> how to reset its passwords.</summary>
    public static async Task SeedDemoWorkspaceAsync(this IServiceProvider services, TextWriter? console = null, CancellationToken ct = default)
    {
        console ??= Console.Out;
        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.Enabled) return;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.Tenants.FirstOrDefaultAsync(t => t.Slug == Slug, ct) is { } existing)
            {
                // Workspaces created before the knowledge base existed get the playbook on their next start.
                await DemoPlaybook.SeedAsync(sp, existing.Id, null, ct);
                await console.WriteLineAsync($"Demo workspace '{Name}': sign in as owner@{options.EmailDomain} (its passwords were shown on the first run). "
                    + $"New passwords: {DemoPasswords.ResetCommand(sp.GetRequiredService<IHostEnvironment>())}");
                return;
            }
        }
        var domain = options.EmailDomain;
        var accounts = sp.GetRequiredService<UserAccounts>();
        var auth = sp.GetRequiredService<AuthService>();
        var credentials = new List<DemoPasswords.Credential>();

        var ownerPassword = NewPassword();
        var (owner, tenant) = await auth.CreateAccountAsync($"owner@{domain}", ownerPassword, "Ana Souza", Name, ct);
        credentials.Add(new(SystemRoles.Owner, owner.Email!, ownerPassword));
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
                credentials.Add(new(role, email, password));
            }
            await db.SaveChangesAsync(ct);
        }
        await SeedPipelineAsync(sp, tenant.Id, new Random(), ct);
        await DemoPlaybook.SeedAsync(sp, tenant.Id, owner.Id, ct);
        await DemoPasswords.PrintAsync(console, $"Demo workspace '{Name}' created. These passwords are shown only once:", credentials);
        await console.WriteLineAsync($"Lost them? {DemoPasswords.ResetCommand(sp.GetRequiredService<IHostEnvironment>())}");
        await console.WriteLineAsync();
    }

    /// <summary>
    /// About 60 leads over every stage and owner, with timelines, activities (some overdue), rotting and closed deals,
    /// eight WhatsApp conversations and approved templates, all in office hours of the workspace's time zone.
    /// </summary>
    internal static async Task SeedPipelineAsync(IServiceProvider sp, Guid tenantId, Random random, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        var pipeline = await db.Pipelines.IgnoreQueryFilters().Include(p => p.Stages).FirstAsync(p => p.TenantId == tenantId, ct);
        var owners = await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId)
            .Select(m => new { m.UserId, m.User!.Name }).ToListAsync(ct);
        var settings = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct);
        var zone = WorkspaceTimeZones.Find(settings.TimeZone) ?? WorkspaceTimeZones.Default;
        var now = DateTime.UtcNow;
        var batch = DemoData.Generate(tenantId, Core.Pipelines.PipelineService.ToDto(pipeline), owners.Select(o => (o.UserId, o.Name)).ToList(), 60, random, now, zone: zone);
        var messages = DemoConversations.Generate(batch.Leads, now, random, zone);
        OnTimelines(batch, messages, pipeline.Stages.ToDictionary(s => s.Id, s => s.Probability), owners.ToDictionary(o => o.UserId, o => o.Name), now);
        DemoData.TrackResponses(batch);
        db.Leads.AddRange(batch.Leads);
        db.Interactions.AddRange(batch.Interactions);
        db.Activities.AddRange(batch.Activities);
        db.LeadStageHistory.AddRange(batch.History);
        db.LeadResponses.AddRange(batch.Responses);
        db.Messages.AddRange(messages);
        db.MessageTemplates.AddRange(DemoTemplates.Generate(tenantId, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The conversations on their leads' timelines, as live messages are (<see cref="MessageTimeline"/>): each message an
    /// entry that counts for the lead's engagement and recency, and the lead rescored.
    /// </summary>
    private static void OnTimelines(DemoData.Batch batch, IReadOnlyList<Message> messages, IReadOnlyDictionary<Guid, int> stageProbabilities,
        IReadOnlyDictionary<Guid, string> userNames, DateTime now)
    {
        var leads = batch.Leads.ToDictionary(l => l.Id);
        foreach (var message in messages)
        {
            var lead = leads[message.LeadId];
            var author = message.Direction == MessageDirection.Inbound ? lead.Name : message.AuthorId is { } id ? userNames.GetValueOrDefault(id) : null;
            var entry = MessageTimeline.EntryFor(message, message.AuthorId, author);
            batch.Interactions.Add(entry);
            InteractionService.CountEngagement(lead, entry);
        }
        foreach (var leadId in messages.Select(m => m.LeadId).Distinct())
            LeadScoring.Apply(leads[leadId], stageProbabilities[leads[leadId].StageId], now);
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
