using SalesCrm.Core.Activities;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Demo;

/// <summary>Realistic Brazilian leads with timelines and activities, for the demo workspace and the benchmarks.</summary>
public static class DemoData
{
    private static readonly string[] FirstNames =
        ["Ana", "Bruno", "Camila", "Diego", "Eduarda", "Felipe", "Gabriela", "Henrique", "Isabela", "João", "Larissa", "Lucas", "Mariana", "Mateus",
         "Natália", "Otávio", "Patrícia", "Rafael", "Sofia", "Thiago", "Vitória", "Wagner", "Yasmin", "Caio", "Beatriz", "Gustavo", "Letícia", "Rodrigo"];
    private static readonly string[] LastNames =
        ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Ferreira", "Almeida", "Ribeiro", "Carvalho", "Gomes", "Martins", "Araújo",
         "Barbosa", "Rocha", "Dias", "Nascimento", "Moreira", "Cardoso", "Teixeira", "Mendes", "Freitas", "Azevedo"];
    private static readonly string[] Companies =
        ["Padaria Pão Dourado", "Clínica Sorriso", "Auto Peças Rota Sul", "Imobiliária Horizonte", "Academia Corpo em Forma", "Ótica Visão Clara",
         "Pet Shop Amigo Fiel", "Escola Saber Mais", "Construtora Alicerce", "Farmácia Vida", "Restaurante Sabor Mineiro", "Studio Beleza Pura",
         "Agência Voa Digital", "Loja Moda Carioca", "Contabilidade Exata", "Mercado Bom Preço", "Transportadora Veloz", "Café Grão Nobre"];
    private static readonly string[] DDDs = ["11", "21", "31", "41", "51", "61", "71", "81", "85", "62", "27", "48", "19"];
    private static readonly string[] Tags = ["vip", "indicação", "retorno", "orçamento", "whatsapp", "evento", "black-friday"];
    private static readonly LeadSource[] Sources = [LeadSource.Whatsapp, LeadSource.Instagram, LeadSource.MetaAds, LeadSource.Website, LeadSource.Referral, LeadSource.Facebook, LeadSource.Manual];
    private static readonly string[] Notes =
        ["Pediu orçamento pelo WhatsApp.", "Quer fechar até o fim do mês.", "Comparando com a concorrência.", "Ligar depois das 14h.",
         "Enviada proposta por e-mail.", "Gostou da demonstração.", "Pediu desconto à vista.", "Visitou a loja com a família."];

    private static readonly (ActivityType Type, string Title)[] ActivityTemplates =
    [
        (ActivityType.Call, "Ligar para retomar contato"), (ActivityType.Call, "Ligar para tirar dúvidas"), (ActivityType.Task, "Enviar proposta"),
        (ActivityType.Meeting, "Apresentação da proposta"), (ActivityType.FollowUp, "Follow-up pelo WhatsApp"), (ActivityType.Task, "Confirmar visita"),
    ];

    public sealed record Batch(List<Lead> Leads, List<Interaction> Interactions, List<Activity> Activities);

    /// <summary>Generates <paramref name="count"/> leads spread over the pipeline's stages and the given owners.</summary>
    public static Batch Generate(Guid tenantId, PipelineDto pipeline, IReadOnlyList<(Guid Id, string Name)> owners, int count, Random random, DateTime now,
        int interactionsPerLead = 3, bool withActivities = true)
    {
        var batch = new Batch([], [], []);
        var stages = pipeline.Stages.OrderBy(s => s.Order).ToList();
        var positions = stages.ToDictionary(s => s.Id, _ => 0.0);
        var usedPhones = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            // More leads early in the funnel, a few won and lost.
            var stage = stages[Math.Min(stages.Count - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * stages.Count))];
            var (ownerId, _) = owners[random.Next(owners.Count)];
            var created = now.AddDays(-random.Next(1, 90)).AddMinutes(-random.Next(0, 1440));
            // Most cards moved recently enough to be fresh; about one in six sits past its stage's rotting limit.
            var freshDays = Math.Max(1, (stage.RottenAfterDays ?? 30) - 1);
            var idleDays = random.Next(6) == 0 ? freshDays + 1 + random.Next(0, 20) : random.NextDouble() * freshDays;
            var enteredStage = now.AddDays(-idleDays);
            if (enteredStage < created) created = enteredStage.AddDays(-random.Next(0, 10));
            string phone;
            do phone = $"+55{DDDs[random.Next(DDDs.Length)]}9{random.Next(6, 10)}{random.Next(0, 10_000_000):D7}"; while (!usedPhones.Add(phone));
            var source = Sources[random.Next(Sources.Length)];
            var lead = new Lead
            {
                TenantId = tenantId, Name = $"{first} {last}", Email = i % 3 == 0 ? null : $"{Ascii(first)}.{Ascii(last)}{i}@exemplo.com.br".ToLowerInvariant(),
                Phone = phone, Company = random.Next(4) == 0 ? null : Companies[random.Next(Companies.Length)], Source = source, Sources = [SnakeEnum.ToText(source)],
                UtmSource = source is LeadSource.MetaAds or LeadSource.Instagram or LeadSource.Facebook ? "facebook" : null,
                UtmCampaign = source == LeadSource.MetaAds ? "campanha-verao" : null,
                OwnerId = ownerId, Priority = random.Next(20) switch { 0 => LeadPriority.Urgent, < 4 => LeadPriority.High, < 7 => LeadPriority.Low, _ => LeadPriority.Normal },
                ValueCents = random.Next(3, 400) * 5_000L, Currency = "BRL",
                ExpectedCloseDate = DateOnly.FromDateTime(now.AddDays(random.Next(5, 60))),
                Tags = random.Next(3) == 0 ? [Tags[random.Next(Tags.Length)]] : [],
                PipelineId = pipeline.Id, StageId = stage.Id, Position = positions[stage.Id] += 1, StageEnteredAt = enteredStage,
                Status = LeadService.StatusFor(stage.Kind), LostReason = stage.Kind == StageKind.Lost ? "Preço" : null,
                ClosedAt = stage.Kind == StageKind.Open ? null : enteredStage, CreatedAt = created, UpdatedAt = enteredStage,
            };
            lead.EmailNormalized = lead.Email;
            var interactions = random.Next(0, interactionsPerLead + 1);
            for (var k = 0; k < interactions; k++)
            {
                var at = created.AddHours(random.Next(1, Math.Max(2, (int)(enteredStage - created).TotalHours + 1)));
                if (at > enteredStage) at = enteredStage;
                var type = (InteractionType)random.Next(0, 6);
                var interaction = new Interaction
                {
                    TenantId = tenantId, LeadId = lead.Id, Type = type, AuthorId = ownerId, AuthorName = owners.First(o => o.Id == ownerId).Name,
                    OccurredAt = at, CreatedAt = at, Text = Notes[random.Next(Notes.Length)],
                    DurationSeconds = type is InteractionType.Call or InteractionType.Meeting ? random.Next(60, 3600) : null,
                };
                batch.Interactions.Add(interaction);
                InteractionService.CountEngagement(lead, interaction);
            }
            if (withActivities && stage.Kind == StageKind.Open && random.Next(3) > 0)
            {
                // Business hours in the workspace's default zone, from three days ago to ten days ahead.
                var day = TimeZoneInfo.ConvertTimeFromUtc(now, WorkspaceTimeZones.Default).Date.AddDays(random.Next(-3, 11));
                var due = TimeZoneInfo.ConvertTimeToUtc(day.AddHours(random.Next(9, 18)).AddMinutes(15 * random.Next(4)), WorkspaceTimeZones.Default);
                var (type, title) = ActivityTemplates[random.Next(ActivityTemplates.Length)];
                batch.Activities.Add(new Activity
                {
                    TenantId = tenantId, LeadId = lead.Id, Type = type, AssigneeId = ownerId, DueAt = due, CreatedAt = created, Title = title,
                });
            }
            LeadScoring.Apply(lead, stage.Probability, now);
            batch.Leads.Add(lead);
        }
        return batch;
    }

    private static string Ascii(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
}
