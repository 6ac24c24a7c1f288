using System.Text.RegularExpressions;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Web.Features.Demo;

namespace SalesCrm.Web.Tests.Demo;

/// <summary>What the generated demo looks like to a rep, over several seeds, moments of the week and workspace zones.</summary>
public sealed class DemoDataTests
{
    private static readonly (Guid Id, string Name)[] Users =
        [(Guid.NewGuid(), "Ana Souza"), (Guid.NewGuid(), "Bruno Lima"), (Guid.NewGuid(), "Carla Mendes"), (Guid.NewGuid(), "Diego Rocha")];

    /// <summary>(zone, local wall-clock "now"): a Monday before dawn, opening time, lunch, a Saturday, a Sunday night.</summary>
    public static TheoryData<string, string> Moments => new()
    {
        { "America/Sao_Paulo", "2026-11-30 05:37" },
        { "America/Sao_Paulo", "2026-12-01 09:10" },
        { "America/Sao_Paulo", "2026-12-02 12:30" },
        { "America/Manaus", "2026-12-05 11:00" },
        { "Europe/Lisbon", "2026-03-29 23:50" },
        { "Asia/Tokyo", "2026-07-15 17:55" },
    };

    private static DateTime Utc(string zoneId, string local, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), zone);
    }

    private static DemoData.Batch Generate(int seed, DateTime now, TimeZoneInfo zone, int count = 60)
    {
        var tenantId = Guid.NewGuid();
        var pipeline = PipelineService.ToDto(PipelineService.NewDefault(tenantId, now));
        return DemoData.Generate(tenantId, pipeline, Users, count, new Random(seed), now, zone: zone);
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public void Demo_conversations_happen_in_office_hours_before_now_and_greet_as_the_local_hour_says(string zoneId, string local)
    {
        var now = Utc(zoneId, local, out var zone);
        foreach (var seed in new[] { 1, 7, 42, 2026 })
        {
            var messages = DemoConversations.Generate(Generate(seed, now, zone).Leads, now, new Random(seed), zone);
            Assert.Equal(DemoConversations.Count * 3, messages.Count);
            foreach (var m in messages)
            {
                var hour = BusinessHours.ToLocal(m.CreatedAt, zone);
                Assert.True(m.CreatedAt < now, $"{m.Text} at {hour} is after now ({local})");
                Assert.True(BusinessHours.Contains(m.CreatedAt, zone), $"'{m.Text}' at {hour:ddd HH:mm} local is outside office hours");
                var expected = BusinessHours.Greeting(m.CreatedAt, zone);
                foreach (var greeting in new[] { "Bom dia", "Boa tarde", "Boa noite" }.Where(g => g != expected))
                    Assert.DoesNotContain(greeting, m.Text!);
            }
            Assert.Contains(messages, m => m.Text!.StartsWith("Bom dia", StringComparison.Ordinal) || m.Text.StartsWith("Boa tarde", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Direction == MessageDirection.Inbound && m.ReadAt is null);
            // Some conversations wait for a template (older than WhatsApp's 24-hour window).
            Assert.Contains(messages, m => m.Direction == MessageDirection.Inbound && now - m.CreatedAt > TimeSpan.FromHours(24));
            // Eight different stories, not one script repeated.
            var openings = messages.GroupBy(m => m.LeadId).Select(g => g.OrderBy(m => m.CreatedAt).First().Text);
            Assert.Equal(DemoConversations.Count, openings.Distinct().Count());
        }
    }

    [Fact]
    public void The_greeting_follows_the_local_hour()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        string At(string local) => BusinessHours.Greeting(TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), zone), zone);
        Assert.Equal("Bom dia", At("2026-12-01 09:05"));
        Assert.Equal("Boa tarde", At("2026-12-01 12:00"));
        Assert.Equal("Boa tarde", At("2026-12-01 17:59"));
        Assert.Equal("Boa noite", At("2026-12-01 18:00"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(99)]
    [InlineData(12345)]
    public void Demo_lead_names_are_distinct_and_never_share_a_first_name_with_a_user(int seed)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        foreach (var count in new[] { 60, 600 })
        {
            var leads = Generate(seed, DateTime.UtcNow, zone, count).Leads;
            Assert.Equal(count, leads.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            var userFirstNames = Users.Select(u => u.Name.Split(' ')[0]).ToHashSet();
            Assert.DoesNotContain(leads, l => userFirstNames.Contains(l.Name.Split(' ')[0]));
        }
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public void Demo_leads_interactions_and_activities_fall_in_office_hours_and_interactions_read_like_their_type(string zoneId, string local)
    {
        var now = Utc(zoneId, local, out var zone);
        foreach (var seed in new[] { 3, 11, 77 })
        {
            var batch = Generate(seed, now, zone);
            var leads = batch.Leads.ToDictionary(l => l.Id);
            Assert.NotEmpty(batch.Interactions);
            foreach (var i in batch.Interactions)
            {
                Assert.True(BusinessHours.Contains(i.OccurredAt, zone), $"{i.Type} at {BusinessHours.ToLocal(i.OccurredAt, zone):ddd HH:mm} local");
                Assert.InRange(i.OccurredAt, leads[i.LeadId].CreatedAt, now);
                Assert.Contains(DemoTexts.For(i.Type), text => Filled(text).IsMatch(i.Text!));
            }
            Assert.All(batch.Leads, l => Assert.True(BusinessHours.Contains(l.CreatedAt, zone), $"{l.Name} created {BusinessHours.ToLocal(l.CreatedAt, zone):ddd HH:mm} local"));
            Assert.All(batch.Activities, a => Assert.True(BusinessHours.Contains(a.DueAt, zone), $"{a.Title} due {BusinessHours.ToLocal(a.DueAt, zone):ddd HH:mm}"));

            // Varied: many different sentences, none on more than a tenth of the timeline entries.
            var texts = batch.Interactions.Select(i => i.Text!).ToList();
            Assert.True(texts.Distinct().Count() >= 25, $"only {texts.Distinct().Count()} distinct texts");
            Assert.True(texts.GroupBy(t => t).Max(g => g.Count()) <= Math.Max(3, texts.Count / 10), "one text dominates the timelines");
            Assert.True(batch.Interactions.Select(i => i.Type).Distinct().Count() >= 5);
        }
    }

    [Fact]
    public void Demo_utm_tags_read_without_empty_parts()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var summaries = Generate(8, DateTime.UtcNow, zone, 200).Leads
            .Select(l => UtmText.Summary(l.UtmSource, l.UtmMedium, l.UtmCampaign, l.UtmTerm, l.UtmContent)).OfType<string>().ToList();
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.DoesNotContain("/  /", s));
        Assert.All(summaries, s => Assert.Matches(@"^[a-z-]+( / [a-z-]+)+$", s));
        Assert.Contains(summaries, s => s.Split(" / ").Length == 2); // a lead without utm_medium
    }

    [Fact]
    public void Utm_summary_skips_the_parts_a_lead_does_not_have()
    {
        Assert.Equal("facebook / campanha-verao", UtmText.Summary("facebook", null, "campanha-verao", "", " "));
        Assert.Equal("google / cpc / marca / crm / banner", UtmText.Summary("google", "cpc", "marca", "crm", "banner"));
        Assert.Null(UtmText.Summary(null, "", null, null, null));
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public void Every_owner_with_activities_gets_one_overdue_and_on_a_working_day_one_due_today_even_with_few_leads(string zoneId, string local)
    {
        var now = Utc(zoneId, local, out var zone);
        var today = BusinessHours.ToLocal(now, zone).Date;
        for (var seed = 1; seed <= 40; seed++)
        {
            var batch = Generate(seed, now, zone, count: 8);
            foreach (var mine in batch.Activities.GroupBy(a => a.AssigneeId))
            {
                Assert.Contains(mine, a => a.DueAt < now);
                if (today.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    Assert.Contains(mine, a => BusinessHours.ToLocal(a.DueAt, zone).Date == today);
            }
        }
    }

    [Fact]
    public void An_owner_whose_only_activity_is_due_later_today_gets_a_second_one_overdue()
    {
        // The CI failure of 2026-12-03: one activity at 14:00 local, the suite running at 09:00 local.
        var now = Utc("America/Sao_Paulo", "2026-12-03 09:00", out var zone);
        var dueLaterToday = Utc("America/Sao_Paulo", "2026-12-03 14:00", out _);
        var activities = new List<SalesCrm.Core.Activities.Activity>
        {
            new() { TenantId = Guid.NewGuid(), LeadId = Guid.NewGuid(), AssigneeId = Users[0].Id, DueAt = dueLaterToday, Title = "Enviar proposta" },
        };
        DemoData.GiveEveryOwnerWorkDue(activities, now, zone);
        Assert.Equal(2, activities.Count);
        Assert.Contains(activities, a => a.DueAt == dueLaterToday);
        var overdue = Assert.Single(activities, a => a.DueAt < now);
        Assert.Equal(activities[0].LeadId, overdue.LeadId);
        Assert.Equal(Utc("America/Sao_Paulo", "2026-12-02 10:00", out _), overdue.DueAt);
    }

    /// <summary>A text pattern with its <c>{0}</c>-style holes open.</summary>
    private static Regex Filled(string text) => new("^" + Regex.Replace(Regex.Escape(text), @"\\\{\d\}", ".+") + "$");
}
