using SalesCrm.Core.Interactions;

namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// What reps write on a demo lead's timeline, per interaction type, so a call reads like a call and a visit like a
/// visit. <c>{0}</c> is the lead's first name, <c>{1}</c> the company (or "a empresa"), <c>{2}</c> a weekday.
/// </summary>
public static class DemoTexts
{
    private static readonly Dictionary<InteractionType, string[]> ByType = new()
    {
        [InteractionType.Call] =
        [
            "Liguei para {0}: quer entender as condições de pagamento antes de decidir.",
            "{0} atendeu e pediu para retornar na {2} depois do almoço.",
            "Ligação rápida: {0} confirmou o interesse e vai falar com o sócio.",
            "Caixa postal. Deixei recado pedindo retorno.",
            "{0} comparou com a concorrência; ficou de mandar o orçamento que recebeu.",
            "Conversa boa com {0} sobre prazos de implantação na {1}.",
            "{0} pediu que eu ligasse de novo na {2} de manhã.",
        ],
        [InteractionType.Whatsapp] =
        [
            "{0} mandou mensagem perguntando se ainda vale a condição do mês.",
            "Enviei o catálogo em PDF para {0} pelo WhatsApp.",
            "{0} respondeu com áudio: prefere fechar no início do mês.",
            "Mandei fotos dos modelos que {0} pediu.",
            "{0} perguntou se entregamos na região da {1}.",
            "Combinamos por mensagem uma visita na {2}.",
        ],
        [InteractionType.Email] =
        [
            "Proposta enviada por e-mail para {0}, válida por 15 dias.",
            "{0} respondeu o e-mail pedindo uma versão com parcelamento.",
            "Enviei o contrato para revisão do jurídico da {1}.",
            "Mandei o comparativo de planos que {0} pediu.",
            "E-mail de acompanhamento: perguntei se restou alguma dúvida.",
            "{0} encaminhou a proposta para o financeiro da {1}.",
        ],
        [InteractionType.Meeting] =
        [
            "Reunião on-line com {0}: apresentei a solução e os próximos passos.",
            "Demonstração para a equipe da {1}; gostaram do relatório de vendas.",
            "Reunião de negociação: {0} pediu 5% de desconto à vista.",
            "Alinhamento com {0} e o gerente da {1} sobre o cronograma.",
            "{0} trouxe o sócio para a reunião; querem começar no mês que vem.",
        ],
        [InteractionType.Visit] =
        [
            "Visitei a {1}: espaço pronto para a instalação.",
            "{0} visitou o showroom com a família.",
            "Visita técnica na {1} para medir o ambiente.",
            "Passei na {1} para entregar o material impresso.",
            "{0} veio à loja conhecer os modelos de perto.",
        ],
        [InteractionType.Note] =
        [
            "{0} decide junto com o sócio; melhor falar com os dois.",
            "Orçamento aprovado internamente, aguardando o pedido de compra.",
            "Cliente sensível a prazo de entrega; reforçar a logística.",
            "Indicado por um cliente antigo, tratar com prioridade.",
            "{0} prefere contato por WhatsApp, não por ligação.",
            "Renovação do contrato atual da {1} vence no fim do trimestre.",
            "Pediu desconto à vista; consultar a gerência.",
        ],
    };

    private static readonly string[] Weekdays = ["segunda", "terça", "quarta", "quinta", "sexta"];

    /// <summary>The interaction types reps log by hand in the demo (no audio, photo or stage changes).</summary>
    public static IReadOnlyList<InteractionType> Types { get; } = [.. ByType.Keys];

    /// <summary>Texts a type can produce, unfilled (for tests that check variety).</summary>
    public static IReadOnlyList<string> For(InteractionType type) => ByType[type];

    /// <summary>A text for an interaction of <paramref name="type"/> with this lead, picked at random.</summary>
    public static string Pick(InteractionType type, string firstName, string? company, Random random)
    {
        var texts = ByType[type];
        return string.Format(texts[random.Next(texts.Length)], firstName, company ?? "empresa", Weekdays[random.Next(Weekdays.Length)]);
    }
}
