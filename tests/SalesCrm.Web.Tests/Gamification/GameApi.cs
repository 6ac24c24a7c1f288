using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Gamification;

/// <summary>Gamification calls the tests repeat: a rep's lead, activities that score, and reading points by rule.</summary>
public static class GameApi
{
    /// <summary>A 1×1 PNG.</summary>
    public const string Png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    public static async Task<Guid> OwnLeadAsync(this Session session, string name = "Padaria") =>
        Guid.Parse((string)(await session.CreateLeadAsync(new { name, owner_id = session.UserId }))["id"]!);

    public static async Task LogAsync(this Session session, Guid lead, string type) =>
        await (await session.Client.PostAsJsonAsync($"/api/v1/leads/{lead}/interactions", new { type, text = $"{type} feito" })).ExpectAsync(HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> CheckInAsync(this Session session, Guid lead, object? extra = null)
    {
        var body = new JsonObject { ["lead_id"] = lead.ToString(), ["lat"] = -23.5505, ["long"] = -46.6333, ["accuracy_m"] = 12.5 };
        if (extra is not null)
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra, Api.Json)!.AsObject()) body[key] = value?.DeepClone();
        return await session.Client.PostAsJsonAsync("/api/v1/checkins", body);
    }

    /// <summary>The member's points per rule in the default period (the last 30 days), as <c>rule → points</c>.</summary>
    public static async Task<Dictionary<string, long>> PointsByRuleAsync(this Session reader, Guid user)
    {
        var scores = await reader.GetJsonAsync($"/api/v1/gamification/scores?user_id={user}");
        var me = scores["users"]!.AsArray().SingleOrDefault();
        return me is null ? [] : me["by_rule"]!.AsArray().ToDictionary(r => (string)r!["rule"]!, r => (long)r!["points"]!);
    }

    /// <summary>Waits until the outbox has scored the member's activities: their points reach <paramref name="total"/>.</summary>
    public static async Task<Dictionary<string, long>> PointsReachAsync(this Session reader, Guid user, long total)
    {
        Dictionary<string, long> points = [];
        await Eventually.TrueAsync(async () => (points = await reader.PointsByRuleAsync(user)).Values.Sum() >= total, 30);
        return points;
    }
}
