using System.Net;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Gamification;

/// <summary><c>/api/v1/checkins</c>: validation per field, the caller's visibility and the workspace's walls.</summary>
public abstract class CheckInApiTests(CrmAppFactory app)
{
    private static async Task ExpectFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(problem["errors"]![field] is not null, problem.ToJsonString());
    }

    [Fact]
    public async Task Bad_positions_accuracies_notes_and_photos_are_400s_naming_the_field()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.OwnLeadAsync();
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { lat = 91 }), "lat");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { lat = -90.5 }), "lat");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { @long = -181 }), "long");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { accuracy_m = 0 }), "accuracy_m");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { accuracy_m = -3 }), "accuracy_m");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { accuracy_m = 250_000 }), "accuracy_m");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { note = new string('x', 1001) }), "note");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { photo = "data:application/pdf;base64,JVBERi0=" }), "photo");
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { photo = "data:image/png;base64,/9j/4AAQ" }), "photo"); // a JPEG's bytes
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { photo = "not a data url" }), "photo");
        await ExpectFieldAsync(await owner.CheckInAsync(Guid.NewGuid()), "lead_id");
        var missing = await (await owner.Client.PostAsync("/api/v1/checkins", System.Net.Http.Json.JsonContent.Create(new { note = "?" })))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["accuracy_m", "lat", "lead_id", "long"], missing["errors"]!.AsObject().Select(e => e.Key).Order());

        var ok = await (await owner.CheckInAsync(lead, new { note = "Cliente recebeu bem", photo = GameApi.Png })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal((-23.5505, -46.6333, 12.5, true), ((double)ok["lat"]!, (double)ok["long"]!, (double)ok["accuracy_m"]!, (bool)ok["has_photo"]!));
    }

    [Fact]
    public async Task A_photo_over_5_MB_is_a_400_on_photo_and_a_check_in_without_a_photo_has_none_to_fetch()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.OwnLeadAsync();
        var big = "data:image/jpeg;base64," + Convert.ToBase64String([0xFF, 0xD8, 0xFF, .. new byte[5 * 1024 * 1024]]);
        await ExpectFieldAsync(await owner.CheckInAsync(lead, new { photo = big }), "photo");
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/checkins?lead_id={lead}"))["total"]!);

        var plain = await (await owner.CheckInAsync(lead, new { note = "Sem foto" })).ExpectAsync(HttpStatusCode.Created);
        Assert.False((bool)plain["has_photo"]!);
        await (await owner.Client.GetAsync($"/api/v1/checkins/{(string)plain["id"]!}/photo")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_rep_checks_in_only_at_leads_they_can_see_and_lists_only_those()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var mine = await rep.OwnLeadAsync("Meu");
        var owners = await owner.OwnLeadAsync("Do dono");
        var stranger = await app.RegisterAsync();
        var theirs = await stranger.OwnLeadAsync("De fora");

        await ExpectFieldAsync(await rep.CheckInAsync(owners), "lead_id");
        await ExpectFieldAsync(await rep.CheckInAsync(theirs), "lead_id");
        await ExpectFieldAsync(await owner.CheckInAsync(theirs), "lead_id");
        await (await rep.CheckInAsync(mine)).ExpectAsync(HttpStatusCode.Created);
        await (await owner.CheckInAsync(owners)).ExpectAsync(HttpStatusCode.Created);
        await (await stranger.CheckInAsync(theirs)).ExpectAsync(HttpStatusCode.Created);

        var repList = await rep.GetJsonAsync("/api/v1/checkins");
        Assert.Equal(["Meu"], repList["items"]!.AsArray().Select(c => (string)c!["lead_name"]!));
        var ownerList = await owner.GetJsonAsync("/api/v1/checkins");
        Assert.Equal(["Do dono", "Meu"], ownerList["items"]!.AsArray().Select(c => (string)c!["lead_name"]!).Order());
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/checkins?user_id={rep.UserId}"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/checkins?lead_id={owners}"))["total"]!);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/checkins?from=2020-01-01&to=2020-01-31"))["total"]!);
        Assert.Equal(1, (int)(await stranger.GetJsonAsync("/api/v1/checkins"))["total"]!);
        await (await owner.Client.GetAsync("/api/v1/checkins?from=2026-02-01&to=2026-01-01")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}

public sealed class CheckInApiTestsOnSqlite(SqliteApp app) : CheckInApiTests(app), IClassFixture<SqliteApp>;

public sealed class CheckInApiTestsOnPostgres(PostgresApp app) : CheckInApiTests(app), IClassFixture<PostgresApp>;
