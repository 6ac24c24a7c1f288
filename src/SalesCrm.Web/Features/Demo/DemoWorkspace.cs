using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
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
        var now = DateTime.UtcNow;
        var batch = DemoData.Generate(tenantId, Core.Pipelines.PipelineService.ToDto(pipeline), owners.Select(o => (o.UserId, o.Name)).ToList(), 60, new Random(), now);
        var messages = Conversations(batch.Leads, now, new Random());
        var probabilities = pipeline.Stages.ToDictionary(s => s.Id, s => s.Probability);
        var authors = owners.ToDictionary(o => o.UserId, o => o.Name);
        OnTimelines(batch, messages, probabilities, authors, now);
        db.Leads.AddRange(batch.Leads);
        db.Interactions.AddRange(batch.Interactions);
        db.Activities.AddRange(batch.Activities);
        db.Messages.AddRange(messages);
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

    private static readonly (string Ask, string Reply, string FollowUp)[] Chats =
    [
        ("Oi! Vi o anúncio, vocês ainda têm horário essa semana?", "Olá, {0}! Temos sim. Prefere de manhã ou à tarde?", "À tarde, por favor!"),
        ("Boa tarde, qual o valor do plano anual?", "Boa tarde, {0}! O anual sai por R$ 1.990 à vista ou 12x de R$ 179. Posso enviar a proposta?", "Pode mandar sim"),
        ("Vocês atendem na zona sul?", "Atendemos sim, {0}! Qual o seu bairro?", "Moro em Moema"),
        ("Quero um orçamento para 3 unidades", "Claro, {0}! Me passa o CEP para eu calcular o frete?", "04567-000"),
    ];

    /// <summary>Eight WhatsApp conversations, leads who came from WhatsApp first: a question, the rep's answer, and a reply half of them have not read yet.</summary>
    private static List<Message> Conversations(IEnumerable<Lead> leads, DateTime now, Random random)
    {
        var messages = new List<Message>();
        foreach (var (lead, i) in leads.Where(l => l.Phone is not null).OrderByDescending(l => l.Source == LeadSource.Whatsapp).Take(8).Select((l, i) => (l, i)))
        {
            var (ask, reply, followUp) = Chats[i % Chats.Length];
            var start = now.AddMinutes(-random.Next(30, 2 * 24 * 60));
            Message Say(MessageDirection direction, string text, int minutes, MessageStatus status, bool read) => new()
            {
                TenantId = lead.TenantId, LeadId = lead.Id, Direction = direction, Text = text, Status = status, ProviderMessageId = $"wamid.demo.{lead.Id:N}.{minutes}",
                AuthorId = direction == MessageDirection.Outbound ? lead.OwnerId : null, CreatedAt = start.AddMinutes(minutes), StoredAt = start.AddMinutes(minutes),
                StatusAt = start.AddMinutes(minutes + 1), ReadAt = read ? start.AddMinutes(minutes + 1) : null,
            };
            messages.Add(Say(MessageDirection.Inbound, ask, 0, MessageStatus.Received, read: true));
            messages.Add(Say(MessageDirection.Outbound, string.Format(reply, lead.Name.Split(' ')[0]), 4, MessageStatus.Read, read: false));
            messages.Add(Say(MessageDirection.Inbound, followUp, 9, MessageStatus.Received, read: i % 2 == 0));
        }
        return messages;
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
