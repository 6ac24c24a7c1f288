using SalesCrm.Core.Activities;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Demo;

/// <summary>Realistic Brazilian leads with timelines and activities, for the demo workspace and the benchmarks.</summary>
public static class DemoData
{
    private static readonly string[] Companies =
        ["Padaria Pão Dourado", "Clínica Sorriso", "Auto Peças Rota Sul", "Imobiliária Horizonte", "Academia Corpo em Forma", "Ótica Visão Clara",
         "Pet Shop Amigo Fiel", "Escola Saber Mais", "Construtora Alicerce", "Farmácia Vida", "Restaurante Sabor Mineiro", "Studio Beleza Pura",
         "Agência Voa Digital", "Loja Moda Carioca", "Contabilidade Exata", "Mercado Bom Preço", "Transportadora Veloz", "Café Grão Nobre"];
    private static readonly string[] DDDs = ["11", "21", "31", "41", "51", "61", "71", "81", "85", "62", "27", "48", "19"];
    private static readonly string[] Tags = ["vip", "indicação", "retorno", "orçamento", "whatsapp", "evento", "black-friday"];
    private static readonly LeadSource[] Sources = [LeadSource.Whatsapp, LeadSource.Instagram, LeadSource.MetaAds, LeadSource.Website, LeadSource.Referral, LeadSource.Facebook, LeadSource.Manual];
    private static readonly (ActivityType Type, string Title)[] ActivityTemplates =
    [
        (ActivityType.Call, "Ligar para retomar contato"), (ActivityType.Call, "Ligar para tirar dúvidas"), (ActivityType.Task, "Enviar proposta"),
        (ActivityType.Meeting, "Apresentação da proposta"), (ActivityType.FollowUp, "Follow-up pelo WhatsApp"), (ActivityType.Task, "Confirmar visita"),
    ];

    private static readonly string[] LostReasons = ["Preço", "Escolheu a concorrência", "Sem resposta", "Fora do momento"];
    private static readonly (string Source, string Medium, string Campaign)[] AdCampaigns =
        [("facebook", "cpc", "campanha-verao"), ("instagram", "social", "lancamento-outono"), ("facebook", "cpc", "black-friday"), ("instagram", "stories", "indique-e-ganhe")];

    /// <summary>Generated rows; <see cref="Responses"/> stays empty until <see cref="TrackResponses"/> reads the finished timelines.</summary>
    public sealed record Batch(List<Lead> Leads, List<Interaction> Interactions, List<Activity> Activities, List<LeadStageHistory> History, List<LeadResponse> Responses);

    /// <summary>
    /// Generates <paramref name="count"/> leads spread over the pipeline's stages and the given owners. Lead names are
    /// distinct (as long as the name lists allow) and never share a first name with an owner; interactions and activities
    /// fall in office hours of <paramref name="zone"/> (São Paulo by default).
    /// </summary>
    public static Batch Generate(Guid tenantId, PipelineDto pipeline, IReadOnlyList<(Guid Id, string Name)> owners, int count, Random random, DateTime now,
        int interactionsPerLead = 3, bool withActivities = true, TimeZoneInfo? zone = null)
    {
        zone ??= WorkspaceTimeZones.Default;
        var batch = new Batch([], [], [], [], []);
        var stages = pipeline.Stages.OrderBy(s => s.Order).ToList();
        var positions = stages.ToDictionary(s => s.Id, _ => 0.0);
        var usedPhones = new HashSet<string>();
        var names = new LeadNames(owners.Select(o => o.Name), random);
        for (var i = 0; i < count; i++)
        {
            var (first, last, fullName) = names.Next();
            // More leads early in the funnel, a few won and lost.
            var stage = stages[Math.Min(stages.Count - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * stages.Count))];
            var (ownerId, _) = owners[random.Next(owners.Count)];
            var created = now.AddDays(-random.Next(1, 90)).AddMinutes(-random.Next(0, 1440));
            // Most cards moved recently enough to be fresh; about one in six sits past its stage's rotting limit.
            var freshDays = Math.Max(1, (stage.RottenAfterDays ?? 30) - 1);
            var idleDays = random.Next(6) == 0 ? freshDays + 1 + random.Next(0, 20) : random.NextDouble() * freshDays;
            var enteredStage = now.AddDays(-idleDays);
            // The lead's history before it entered its stage spans at least three days, so its interactions can fall on a working day.
            if (enteredStage - created < TimeSpan.FromDays(3)) created = enteredStage.AddDays(-random.Next(3, 12)).AddMinutes(-random.Next(0, 1440));
            created = InOfficeHours(created.AddDays(-3), created, now, random, zone); // someone typed it in, or a customer wrote, at work
            string phone;
            do phone = $"+55{DDDs[random.Next(DDDs.Length)]}9{random.Next(6, 10)}{random.Next(0, 10_000_000):D7}"; while (!usedPhones.Add(phone));
            var source = Sources[random.Next(Sources.Length)];
            var campaign = AdCampaigns[random.Next(AdCampaigns.Length)];
            var fromAds = source is LeadSource.MetaAds or LeadSource.Instagram or LeadSource.Facebook;
            var lead = new Lead
            {
                TenantId = tenantId, Name = fullName, Email = i % 3 == 0 ? null : $"{Ascii(first)}.{Ascii(last)}{i}@exemplo.com.br".ToLowerInvariant(),
                Phone = phone, Company = random.Next(4) == 0 ? null : Companies[random.Next(Companies.Length)], Source = source, Sources = [SnakeEnum.ToText(source)],
                // Ad leads carry the campaign that brought them; a third of them arrived without utm_medium, as tagged links often do.
                UtmSource = fromAds ? campaign.Source : null,
                UtmMedium = fromAds && random.Next(3) > 0 ? campaign.Medium : null,
                UtmCampaign = fromAds ? campaign.Campaign : null,
                OwnerId = ownerId, Priority = random.Next(20) switch { 0 => LeadPriority.Urgent, < 4 => LeadPriority.High, < 7 => LeadPriority.Low, _ => LeadPriority.Normal },
                ValueCents = random.Next(3, 400) * 5_000L, Currency = "BRL",
                ExpectedCloseDate = DateOnly.FromDateTime(now.AddDays(random.Next(5, 60))),
                Tags = random.Next(3) == 0 ? [Tags[random.Next(Tags.Length)]] : [],
                PipelineId = pipeline.Id, StageId = stage.Id, Position = positions[stage.Id] += 1, StageEnteredAt = enteredStage,
                Status = LeadService.StatusFor(stage.Kind), LostReason = stage.Kind == StageKind.Lost ? LostReasons[random.Next(LostReasons.Length)] : null,
                ClosedAt = stage.Kind == StageKind.Open ? null : enteredStage, CreatedAt = created, UpdatedAt = enteredStage,
            };
            lead.EmailNormalized = lead.Email;
            var interactions = random.Next(0, interactionsPerLead + 1);
            for (var k = 0; k < interactions; k++)
            {
                var at = InOfficeHours(created, enteredStage, now, random, zone);
                var type = DemoTexts.Types[random.Next(DemoTexts.Types.Count)];
                var interaction = new Interaction
                {
                    TenantId = tenantId, LeadId = lead.Id, Type = type, AuthorId = ownerId, AuthorName = owners.First(o => o.Id == ownerId).Name,
                    OccurredAt = at, CreatedAt = at, Text = DemoTexts.Pick(type, first, lead.Company, random),
                    DurationSeconds = type is InteractionType.Call or InteractionType.Meeting ? random.Next(60, 3600) : null,
                };
                batch.Interactions.Add(interaction);
                InteractionService.CountEngagement(lead, interaction);
            }
            if (withActivities && stage.Kind == StageKind.Open && random.Next(3) > 0)
            {
                // Business hours on a weekday in the workspace's zone, from three days ago to ten days ahead, on the quarter hour.
                var day = BusinessHours.Weekday(BusinessHours.ToLocal(now, zone).Date.AddDays(random.Next(-3, 11)));
                var due = BusinessHours.ToUtc(day.AddHours(random.Next(BusinessHours.Opens, BusinessHours.Closes)).AddMinutes(15 * random.Next(4)), zone);
                var (type, title) = ActivityTemplates[random.Next(ActivityTemplates.Length)];
                batch.Activities.Add(new Activity
                {
                    TenantId = tenantId, LeadId = lead.Id, Type = type, AssigneeId = ownerId, DueAt = due, CreatedAt = created, Title = title,
                });
            }
            LeadScoring.Apply(lead, stage.Probability, now);
            batch.Leads.Add(lead);
            batch.History.AddRange(StagePath(lead, stages, stage, owners.First(o => o.Id == ownerId).Name, random));
        }
        if (withActivities) GiveEveryOwnerWorkDue(batch.Activities, now, zone);
        return batch;
    }

    /// <summary>
    /// The stage changes that brought <paramref name="lead"/> to <paramref name="stage"/>: its entry into the first open stage
    /// when it was created, then one open stage after another (a closed deal leaves from a random one), the last change when
    /// it entered its stage, the ones between spread evenly; each by the owner, with the lead's value.
    /// </summary>
    private static IEnumerable<LeadStageHistory> StagePath(Lead lead, IReadOnlyList<StageDto> stages, StageDto stage, string ownerName, Random random)
    {
        var open = stages.Where(s => s.Kind == StageKind.Open).ToList();
        var path = stage.Kind == StageKind.Open ? open.TakeWhile(s => s.Id != stage.Id).Append(stage).ToList()
            : open.Take(1 + random.Next(open.Count)).Append(stage).ToList();
        var at = lead.CreatedAt;
        var step = path.Count > 1 ? (lead.StageEnteredAt - lead.CreatedAt) / (path.Count - 1) : TimeSpan.Zero;
        StageDto? from = null;
        foreach (var (to, i) in path.Select((s, i) => (s, i)))
        {
            var next = i == path.Count - 1 ? lead.StageEnteredAt : lead.CreatedAt + step * i;
            yield return new LeadStageHistory
            {
                TenantId = lead.TenantId, LeadId = lead.Id, PipelineId = lead.PipelineId, FromStageId = from?.Id, ToStageId = to.Id,
                FromStatus = from is null ? null : LeadService.StatusFor(from.Kind), ToStatus = LeadService.StatusFor(to.Kind),
                LostReason = to.Kind == StageKind.Lost ? lead.LostReason : null, At = next, ActorId = lead.OwnerId, ActorName = ownerName, OwnerId = lead.OwnerId,
                ValueCents = lead.ValueCents, Currency = lead.Currency, SecondsInFromStage = from is null ? null : (long)(next - at).TotalSeconds,
            };
            (from, at) = (to, next);
        }
    }

    /// <summary>Fills <see cref="Batch.Responses"/> from the batch's finished timelines, as <see cref="ResponseTracking"/> would have recorded them live.</summary>
    public static void TrackResponses(Batch batch)
    {
        var timelines = batch.Interactions.ToLookup(i => i.LeadId);
        foreach (var lead in batch.Leads) batch.Responses.AddRange(ResponseTracking.Replay(lead, timelines[lead.Id]));
    }

    /// <summary>
    /// Whoever signs in first finds something to do: every owner with activities gets one overdue (the previous working
    /// day, 10:00) and, on a working day, one due today (17:00) in the workspace's zone, taken from their later ones, or
    /// a new follow-up on the lead of their first activity when they have no later one to move.
    /// </summary>
    internal static void GiveEveryOwnerWorkDue(List<Activity> activities, DateTime now, TimeZoneInfo zone)
    {
        var today = BusinessHours.ToLocal(now, zone).Date;
        var previousWorkday = today.AddDays(-1);
        while (previousWorkday.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) previousWorkday = previousWorkday.AddDays(-1);
        foreach (var mine in activities.GroupBy(a => a.AssigneeId).Select(g => g.ToList()).ToList())
        {
            var later = mine.Where(a => BusinessHours.ToLocal(a.DueAt, zone).Date > today).OrderByDescending(a => a.DueAt).ToList();
            Activity Take()
            {
                if (later.Count > 0)
                {
                    var moved = later[0];
                    later.RemoveAt(0);
                    return moved;
                }
                var first = mine[0];
                var added = new Activity
                {
                    TenantId = first.TenantId, LeadId = first.LeadId, Type = ActivityType.FollowUp, AssigneeId = first.AssigneeId,
                    CreatedAt = first.CreatedAt, Title = "Follow-up pelo WhatsApp",
                };
                activities.Add(added);
                mine.Add(added);
                return added;
            }
            if (!mine.Any(a => a.DueAt < now))
                Take().DueAt = BusinessHours.ToUtc(previousWorkday.AddHours(10), zone);
            var workday = today.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (workday && !mine.Any(a => BusinessHours.ToLocal(a.DueAt, zone).Date == today))
                Take().DueAt = BusinessHours.ToUtc(today.AddHours(17), zone);
        }
    }

    /// <summary>
    /// A moment between <paramref name="from"/> and <paramref name="to"/> (not after <paramref name="now"/>) in office hours of
    /// <paramref name="zone"/>: a random one, else the latest half hour in office hours; <paramref name="to"/> when the span has none.
    /// </summary>
    internal static DateTime InOfficeHours(DateTime from, DateTime to, DateTime now, Random random, TimeZoneInfo zone)
    {
        if (to > now) to = now;
        if (to <= from) return to;
        var firstDay = BusinessHours.ToLocal(from, zone).Date;
        var days = (int)(BusinessHours.ToLocal(to, zone).Date - firstDay).TotalDays;
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var at = BusinessHours.OnDay(firstDay.AddDays(random.Next(days + 1)), TimeSpan.FromHours(BusinessHours.Opens), TimeSpan.FromHours(BusinessHours.Closes), random, zone);
            if (at >= from && at <= to) return at;
        }
        for (var at = to; at >= from; at = at.AddMinutes(-30))
            if (BusinessHours.Contains(at, zone)) return at;
        return to;
    }

    private static string Ascii(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
}
