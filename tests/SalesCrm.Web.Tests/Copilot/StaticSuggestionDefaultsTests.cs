using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Data;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Workspaces created before the copilot existed: the default static suggestions arrive on first use, once.</summary>
public abstract class StaticSuggestionDefaultsTests(CrmAppFactory app)
{
    [Fact]
    public async Task A_workspace_from_before_the_copilot_gets_the_defaults_once_on_first_use_and_keeps_an_emptied_list_empty()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        await MakePreCopilotAsync(owner.TenantId);
        await MakePreCopilotAsync(other.TenantId);
        var lead = await owner.LeadAsync("Júlia Prado");

        // Several first uses at once (suggest falls back to the static list: the workspace has no playbook) add them once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => owner.SuggestOkAsync(new { lead_id = lead, intent = "follow_up", context = "xyzzy" })));
        Assert.All(answers, a => Assert.Equal("static", (string?)a["provider"]));
        Assert.All(answers, a => Assert.StartsWith("Oi, Júlia!", Playbook.Texts(a).First()));
        var listed = await ListAsync(owner);
        Assert.Equal(StaticSuggestionDefaults.Items.Count, listed.Count);
        Assert.Equal(StaticSuggestionDefaults.Items.Count, await CountAsync(owner.TenantId));
        // Per workspace: the other one has not used the copilot yet.
        Assert.Equal(0, await CountAsync(other.TenantId));
        Assert.Equal(StaticSuggestionDefaults.Items.Count, (await ListAsync(other)).Count);

        // A list the workspace empties on purpose stays empty, through a settings change too.
        foreach (var item in listed) await (await owner.Client.DeleteAsync($"/api/v1/copilot/static-suggestions/{item!["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { culture = "en" })).ExpectAsync(HttpStatusCode.OK);
        var after = await owner.SuggestOkAsync(new { lead_id = lead, intent = "follow_up", context = "xyzzy plugh" });
        Assert.Empty(after["suggestions"]!.AsArray());
        Assert.Empty(await ListAsync(owner));
    }

    /// <summary>The workspace as the copilot's migration left it: no static suggestions, settings JSON without the flag.</summary>
    private async Task MakePreCopilotAsync(Guid tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        await db.StaticSuggestions.IgnoreQueryFilters().Where(s => s.TenantId == tenantId).ExecuteDeleteAsync();
        const string settings = """{"defaultRegion":"BR","defaultCurrency":"BRL","culture":"pt-BR","timeZone":"America/Sao_Paulo","roundRobinAssignment":true}""";
        await db.Database.ExecuteSqlAsync($"UPDATE tenants SET \"Settings\" = {settings} WHERE \"Id\" = {tenantId}");
    }

    private async Task<int> CountAsync(Guid tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.StaticSuggestions.IgnoreQueryFilters().CountAsync(s => s.TenantId == tenantId);
    }

    private static async Task<JsonArray> ListAsync(Session session) =>
        (await session.GetJsonAsync("/api/v1/copilot/static-suggestions"))["items"]!.AsArray();
}

public sealed class StaticSuggestionDefaultsTestsOnSqlite(SqliteApp app) : StaticSuggestionDefaultsTests(app), IClassFixture<SqliteApp>;

public sealed class StaticSuggestionDefaultsTestsOnPostgres(PostgresApp app) : StaticSuggestionDefaultsTests(app), IClassFixture<PostgresApp>;
