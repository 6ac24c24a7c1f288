using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Tenancy;

public abstract class WorkspaceApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task The_phone_region_setting_changes_how_local_numbers_are_read()
    {
        var owner = await app.RegisterAsync();
        var workspace = await owner.GetJsonAsync("/api/v1/tenant");
        Assert.Equal("BR", (string?)workspace["settings"]!["default_region"]);
        Assert.True((bool)workspace["settings"]!["round_robin_assignment"]!);
        var updated = await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { default_region = "us", default_currency = "usd", round_robin_assignment = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("US", (string?)updated["settings"]!["default_region"]);
        var lead = await owner.CreateLeadAsync(new { name = "Local US", phone = "(415) 555-2671" });
        Assert.Equal("+14155552671", (string?)lead["phone"]);
        Assert.Equal("USD", (string?)lead["currency"]);
    }

    [Fact]
    public async Task The_workspace_time_zone_decides_what_today_means_and_how_pages_show_times()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Fuso" });
        var (tokyo, saoPaulo) = (TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));
        var now = DateTime.UtcNow;
        var tokyoToday = TimeZoneInfo.ConvertTimeFromUtc(now, tokyo).Date;
        // A moment of Tokyo's today that falls on another day in São Paulo (twelve hours behind).
        var due = TimeZoneInfo.ConvertTimeToUtc(tokyoToday.AddMinutes(1), tokyo);
        if (TimeZoneInfo.ConvertTimeFromUtc(due, saoPaulo).Date == TimeZoneInfo.ConvertTimeFromUtc(now, saoPaulo).Date)
            due = TimeZoneInfo.ConvertTimeToUtc(tokyoToday.AddDays(1).AddMinutes(-1), tokyo);
        var activity = await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = lead["id"], type = "call", title = "Ligar de Tóquio", due_at = due })).ExpectAsync(HttpStatusCode.Created);
        async Task<bool> TodayHasItAsync(string query = "") =>
            (await owner.GetJsonAsync("/api/v1/activities?window=today" + query))["items"]!.AsArray().Any(a => (string?)a!["id"] == (string?)activity["id"]);

        Assert.False(await TodayHasItAsync()); // the workspace starts in São Paulo
        var zones = app.Services.GetRequiredService<WorkspaceTimeZones>();
        Assert.Equal(saoPaulo.Id, zones.For(owner.TenantId).Id);

        await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { time_zone = "Asia/Tokyo" })).ExpectAsync(HttpStatusCode.OK);
        Assert.True(await TodayHasItAsync());
        Assert.False(await TodayHasItAsync("&tz=America/Sao_Paulo")); // a caller may still ask for its own zone
        Assert.Equal(tokyo.Id, zones.For(owner.TenantId).Id); // what the pages convert with, changed at once
    }

    [Fact]
    public async Task Bad_settings_are_refused_and_need_settings_manage()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { default_region = "XX", default_currency = "EURO", culture = "fr", time_zone = "Mars/Olympus" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        foreach (var field in new[] { "default_region", "default_currency", "culture", "time_zone" }) Assert.NotNull(problem["errors"]![field]);
        var rep = await owner.AddMemberAsync("sales_rep");
        await rep.GetJsonAsync("/api/v1/tenant");
        await (await rep.Client.PatchAsJsonAsync("/api/v1/tenant", new { name = "Mine now" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}

public sealed class WorkspaceApiTestsOnSqlite(SqliteApp app) : WorkspaceApiTests(app), IClassFixture<SqliteApp>;

public sealed class WorkspaceApiTestsOnPostgres(PostgresApp app) : WorkspaceApiTests(app), IClassFixture<PostgresApp>;
