using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// The pt-BR static suggestions every new workspace (and the demo) starts with; the workspace edits them freely. A workspace
/// created before the copilot existed gets them on the copilot's first use (<see cref="EnsureAsync"/>).
/// </summary>
public static class StaticSuggestionDefaults
{
    public static readonly IReadOnlyList<(CopilotIntent Intent, string Text)> Items =
    [
        (CopilotIntent.Qualification, "Oi, {{first_name}}! Para eu te indicar a melhor opção: o que você precisa resolver hoje e para quando?"),
        (CopilotIntent.Qualification, "{{first_name}}, quem mais participa dessa decisão com você?"),
        (CopilotIntent.Qualification, "Você já tem uma faixa de investimento em mente para isso?"),
        (CopilotIntent.Objection, "Entendo, {{first_name}}. Posso te perguntar o que pesa mais na sua decisão: o valor, o prazo ou a confiança na solução?"),
        (CopilotIntent.Objection, "Faz sentido pensar com calma. Que informação eu posso te mandar para ajudar na sua decisão?"),
        (CopilotIntent.Objection, "Comparando, o que a outra proposta inclui? Assim te mostro com clareza o que está incluso na nossa."),
        (CopilotIntent.Closing, "{{first_name}}, ficou alguma dúvida sobre a proposta? Se estiver tudo certo, já te envio os próximos passos."),
        (CopilotIntent.Closing, "Podemos avançar hoje? Te mando o resumo do que combinamos para você confirmar."),
        (CopilotIntent.FollowUp, "Oi, {{first_name}}! Passando para saber se conseguiu ver o que te enviei. Posso ajudar em algo?"),
        (CopilotIntent.FollowUp, "{{first_name}}, qual o melhor dia e horário para conversarmos rapidinho?"),
        (CopilotIntent.FreeText, "Obrigado pela mensagem, {{first_name}}! Vou verificar e já te respondo."),
    ];

    public static IEnumerable<StaticSuggestion> For(Guid tenantId, DateTime now) =>
        Items.GroupBy(i => i.Intent).SelectMany(g => g.Select((item, position) => new StaticSuggestion
        {
            TenantId = tenantId, Intent = item.Intent, Text = item.Text, Position = position, CreatedAt = now, UpdatedAt = now,
        }));

    /// <summary>
    /// Gives the workspace the defaults once, if its settings do not say it had them (a workspace created before the
    /// copilot): they are added unless it already has static suggestions of its own, then the settings say so, and a list
    /// the workspace empties later stays empty. One cheap read when done; parallel first uses add them once (the tenant row
    /// is locked: SQLite's write lock, PostgreSQL's <c>FOR UPDATE</c>). Call it outside any open transaction of
    /// <paramref name="db"/>.
    /// </summary>
    public static async Task EnsureAsync(CrmDbContext db, Guid tenantId, DateTime now, CancellationToken ct)
    {
        if (await AddedAsync(db, tenantId, ct) is not false) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM tenants WHERE \"Id\" = {tenantId} FOR UPDATE", ct);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct);
        if (settings is null || settings.CopilotDefaultsAdded) return;
        if (!await db.StaticSuggestions.IgnoreQueryFilters().AnyAsync(s => s.TenantId == tenantId, ct))
        {
            db.StaticSuggestions.AddRange(For(tenantId, now));
            await db.SaveChangesAsync(ct);
        }
        settings.CopilotDefaultsAdded = true;
        // Bookkeeping, not a settings change a member made: no audit row. The row lock keeps a settings edit from landing between the read and this write.
        await db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Settings, settings), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The workspace's flag; null for a workspace that does not exist.</summary>
    private static async Task<bool?> AddedAsync(CrmDbContext db, Guid tenantId, CancellationToken ct) =>
        (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct))?.CopilotDefaultsAdded;
}
