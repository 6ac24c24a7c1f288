using System.Collections.Concurrent;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Bench;

/// <summary>
/// A pt-BR playbook (objection handlers, product sheet, follow-up cadence, distractors) behind an in-memory
/// <see cref="IKnowledgeSearch"/>, so the copilot has passages until the knowledge base's own search is merged. Its
/// ranking is a plain word-stem overlap: the suggest figures measure the copilot, not retrieval.
/// </summary>
public sealed class BenchPlaybook(BenchPlaybook.Store store, ICurrentUser user) : IKnowledgeSearch
{
    public sealed class Store
    {
        private readonly ConcurrentDictionary<Guid, List<(KnowledgeSearchHit Hit, HashSet<string> Stems)>> _chunks = new();

        public IReadOnlyList<(KnowledgeSearchHit Hit, HashSet<string> Stems)> For(Guid tenant) => _chunks.GetValueOrDefault(tenant) ?? [];

        public void Seed(Guid tenant)
        {
            var chunks = new List<(KnowledgeSearchHit, HashSet<string>)>();
            void Add(string title, KnowledgeDocumentType type, string text)
            {
                var hit = new KnowledgeSearchHit(Guid.NewGuid(), Guid.NewGuid(), title, type, [title], text, 0, new KnowledgeSignals(0, 0));
                chunks.Add((hit, CopilotText.Stems(title + " " + text)));
            }
            foreach (var (objection, answer) in Objections)
                Add($"Objeção: {objection}", KnowledgeDocumentType.ObjectionHandler, $"## {objection}\nCliente: \"{objection}\"\nResposta sugerida: \"{answer}\" Registre a objeção no histórico.");
            Add("Produto: kit solar residencial", KnowledgeDocumentType.ProductInfo,
                "O kit residencial inclui painéis de 550 W, inversor, estrutura e instalação. Garantia de 25 anos de performance nos painéis e 10 anos no inversor. A homologação com a distribuidora está incluída.");
            Add("Cadência de follow-up", KnowledgeDocumentType.Process,
                "Depois da proposta, retome o contato em 2 dias úteis. \"Oi, [nome]! Conseguiu ver a proposta? Posso te ajudar com alguma dúvida?\" Sem resposta, tente de novo em 5 dias com um caso de cliente da mesma cidade.");
            Add("Roteiro de qualificação", KnowledgeDocumentType.Script,
                "Pergunte o valor médio da conta de luz, o tipo de telhado e quem decide a compra. \"[nome], qual é o valor médio da sua conta de luz hoje?\"");
            for (var i = 0; i < 40; i++)
                Add($"Outro produto {i}", KnowledgeDocumentType.ProductInfo, $"Aquecedor a gás modelo {i} com vazão de {10 + i} litros por minuto, instalação em parede externa, garantia de um ano.");
            _chunks[tenant] = chunks;
        }
    }

    public static readonly (string Objection, string Answer)[] Objections =
    [
        ("Tá caro", "Entendo, [nome]. O sistema se paga em 4 a 5 anos com a economia na conta de luz, e depois a energia sai praticamente de graça."),
        ("Vou pensar", "Claro, [nome]! Para ajudar na decisão, posso te mandar a simulação de economia para o seu consumo?"),
        ("Meu cunhado instala mais barato", "Faz sentido comparar. Nossa instalação inclui homologação, seguro e garantia de 25 anos nos painéis; vale conferir se a outra proposta inclui o mesmo."),
        ("Não tenho dinheiro agora", "Temos financiamento em até 72 vezes, e a parcela costuma ficar abaixo do valor que você paga hoje na conta de luz."),
        ("E se chover muito", "Os painéis geram energia mesmo em dias nublados, e os créditos de energia do verão compensam os meses de menos sol."),
        ("Preciso falar com minha esposa", "Ótimo, [nome]! Quer que eu marque uma conversa rápida com vocês dois para tirar as dúvidas juntos?"),
        ("Já tenho outro orçamento", "Que bom que está pesquisando. Me manda o orçamento que eu te mostro, item por item, o que está incluído em cada um."),
        ("Demora muito a instalação", "A instalação leva de 1 a 2 dias, e a homologação com a distribuidora cuidamos nós, em cerca de 30 dias."),
        ("Não confio em energia solar", "Entendo a dúvida. Temos mais de 500 clientes na sua região; posso te passar o contato de um deles para ouvir como foi."),
        ("Vou esperar baixar o preço", "O custo dos painéis já caiu bastante, e cada mês de espera é um mês pagando a conta de luz cheia."),
    ];

    public Task<IReadOnlyList<KnowledgeSearchHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken ct = default)
    {
        var query = CopilotText.Stems(request.Query);
        IReadOnlyList<KnowledgeSearchHit> hits = store.For(user.RequireTenant())
            .Select(c => (c.Hit, Score: (double)c.Stems.Count(query.Contains)))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).Take(request.Limit)
            .Select(x => x.Hit with { Score = x.Score }).ToList();
        return Task.FromResult(hits);
    }

    public Task RecordFeedbackAsync(IReadOnlyCollection<Guid> chunkIds, bool positive, CancellationToken ct = default) => Task.CompletedTask;
}
