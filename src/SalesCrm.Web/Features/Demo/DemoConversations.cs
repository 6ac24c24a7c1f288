using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// The demo's WhatsApp conversations: a customer's question, the rep's answer and the customer's reply, each one a
/// different story, written in office hours of the workspace's zone with the greeting of that hour. Some happened today
/// (the 24-hour window is open), others days ago (only an approved template can resume them); half the replies are unread.
/// </summary>
public static class DemoConversations
{
    public const int Count = 8;

    /// <summary>{0} is a greeting ("Bom dia"), {1} the lead's first name, {2} the company.</summary>
    private static readonly (string Ask, string Reply, string FollowUp)[] Chats =
    [
        ("{0}! Vi o anúncio, vocês ainda têm horário essa semana?", "{0}, {1}! Temos sim. Prefere de manhã ou à tarde?", "À tarde, por favor!"),
        ("{0}, qual o valor do plano anual?", "{0}, {1}! O anual sai por R$ 1.990 à vista ou 12x de R$ 179. Posso enviar a proposta?", "Pode mandar sim"),
        ("Vocês atendem na zona sul?", "{0}, {1}! Atendemos sim. Qual o seu bairro?", "Moro em Moema"),
        ("{0}, quero um orçamento para 3 unidades", "Claro, {1}! Me passa o CEP para eu calcular o frete?", "04567-000"),
        ("{0}! Recebi a proposta, dá para parcelar em 6x?", "{0}, {1}! Dá sim, sem juros no cartão. Quer que eu atualize a proposta?", "Quero, obrigado!"),
        ("Oi, aqui é da {2}. Vocês emitem nota fiscal?", "{0}, {1}! Emitimos sim, com o CNPJ da {2}.", "Perfeito, vou passar para o financeiro"),
        ("{0}! Consigo agendar uma demonstração para a equipe?", "{0}, {1}! Claro. Quinta às 10h ou sexta às 15h?", "Sexta às 15h fica ótimo"),
        ("{0}, o prazo de entrega continua de 7 dias?", "{0}, {1}! Continua sim, para a sua região.", "Ótimo, vou fechar então"),
    ];

    /// <summary>
    /// Three messages for each of <see cref="Count"/> leads with a phone (WhatsApp leads first). <paramref name="now"/> is
    /// UTC; every message lies before it, on a weekday between 09:00 and 18:00 in <paramref name="zone"/>.
    /// </summary>
    public static List<Message> Generate(IEnumerable<Lead> leads, DateTime now, Random random, TimeZoneInfo zone)
    {
        var messages = new List<Message>();
        var chosen = leads.Where(l => l.Phone is not null).OrderByDescending(l => l.Source == LeadSource.Whatsapp).Take(Count).ToList();
        foreach (var (lead, i) in chosen.Select((l, i) => (l, i)))
        {
            // Every other conversation is recent (its window still open); the rest are 2–6 working days old.
            var start = Start(now, daysAgo: i % 2 == 0 ? 0 : 2 + random.Next(5), random, zone);
            var (ask, reply, followUp) = Chats[i % Chats.Length];
            var first = lead.Name.Split(' ')[0];
            var company = lead.Company ?? "empresa";
            var minutes = new[] { 0, 3 + random.Next(6), 0 };
            minutes[2] = minutes[1] + 2 + random.Next(8);

            Message Say(MessageDirection direction, string text, int minute, MessageStatus status, bool read)
            {
                var at = start.AddMinutes(minute);
                return new()
                {
                    TenantId = lead.TenantId, LeadId = lead.Id, Direction = direction, Status = status, ProviderMessageId = $"wamid.demo.{lead.Id:N}.{minute}",
                    Text = string.Format(text, BusinessHours.Greeting(at, zone), first, company),
                    AuthorId = direction == MessageDirection.Outbound ? lead.OwnerId : null, CreatedAt = at, StoredAt = at,
                    StatusAt = at.AddMinutes(1), ReadAt = read ? at.AddMinutes(1) : null,
                };
            }
            messages.Add(Say(MessageDirection.Inbound, ask, minutes[0], MessageStatus.Received, read: true));
            messages.Add(Say(MessageDirection.Outbound, reply, minutes[1], MessageStatus.Read, read: false));
            messages.Add(Say(MessageDirection.Inbound, followUp, minutes[2], MessageStatus.Received, read: i % 4 >= 2));
        }
        return messages;
    }

    /// <summary>
    /// When a conversation <paramref name="daysAgo"/> working days back starts: in office hours, leaving 20 minutes for
    /// it to finish before closing time and before <paramref name="now"/>. "Today" falls back to the last working day
    /// when today's office hours have not begun (or it is the weekend).
    /// </summary>
    private static DateTime Start(DateTime now, int daysAgo, Random random, TimeZoneInfo zone)
    {
        var opens = TimeSpan.FromHours(BusinessHours.Opens);
        var latest = TimeSpan.FromHours(BusinessHours.Closes) - TimeSpan.FromMinutes(20);
        var local = BusinessHours.ToLocal(now, zone);
        var day = local.Date;
        for (var back = daysAgo; back > 0; back--) day = BusinessHours.Weekday(day.AddDays(-1));
        if (daysAgo == 0)
        {
            var sinceOpening = local.TimeOfDay - opens - TimeSpan.FromMinutes(20);
            var isWeekday = BusinessHours.Weekday(day) == day;
            if (isWeekday && sinceOpening > TimeSpan.Zero)
                return BusinessHours.OnDay(day, opens, sinceOpening + opens < latest ? sinceOpening + opens : latest, random, zone);
            day = BusinessHours.Weekday(day.AddDays(-1));
        }
        return BusinessHours.OnDay(day, opens, latest, random, zone);
    }
}
