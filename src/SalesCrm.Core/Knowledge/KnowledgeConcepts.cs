namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A small sales thesaurus: words people use for the same concept (price, wanting time to think, someone they know who
/// does it cheaper, guarantee, payment terms…) share one extra index term, so "tá caro" meets a passage about
/// "preço" and "investimento". General vocabulary of selling in pt/en/es, not a list of any playbook's questions.
/// </summary>
public static class KnowledgeConcepts
{
    private static readonly (string Concept, string[] Words)[] Groups =
    [
        ("xpreco", ["preco", "caro", "cara", "barato", "barata", "valor", "custo", "custa", "custar", "orcamento", "dinheiro",
                    "investimento", "investir", "desconto", "real", "pagar", "gastar", "price", "pricing", "expensive", "cheap",
                    "cheaper", "cost", "costs", "budget", "discount", "afford", "precio", "costoso", "salgado", "puxado", "carissimo", "exorbitante", "abusivo", "promocao", "abatimento", "pechincha", "pricey", "barato"]),
        ("xpensar", ["pensar", "penso", "pensando", "decidir", "decisao", "analisar", "avaliar", "refletir", "considerar",
                     "depois", "amadurecer", "think", "thinking", "decide", "consider", "later", "pensarlo"]),
        ("xconhecido", ["cunhado", "cunhada", "primo", "prima", "amigo", "amiga", "vizinho", "vizinha", "parente", "conhecido",
                        "conhecida", "irmao", "irma", "tio", "tia", "sobrinho", "compadre", "friend", "cousin", "neighbor",
                        "relative", "brother", "sobrinha", "colega", "genro"]),
        ("xconcorrente", ["concorrente", "concorrencia", "concorrentes", "competidor", "competitor", "competition", "outra empresa",
                          "fornecedor", "alternativa"]),
        ("xprazo", ["prazo", "demora", "demorar", "entrega", "entregar", "tempo", "semana", "semanas", "dias", "urgente",
                    "rapido", "deadline", "delivery", "deliver", "fast", "quickly", "soon", "acelerar", "agilizar", "expresso", "expressa", "pressa", "antecipar", "amanha", "hurry", "rush", "urgent", "tomorrow"]),
        ("xgarantia", ["garantia", "garantido", "confianca", "confiar", "confiavel", "seguro", "seguranca", "risco", "golpe",
                       "medo", "receio", "referencia", "depoimento", "avaliacao", "guarantee", "warranty", "trust", "risk",
                       "reviews", "testimonial", "reputacao", "credibilidade", "desconfianca", "desconfiado", "desconfio", "reputation", "legit", "confianza"]),
        ("xpagamento", ["parcela", "parcelas", "parcelar", "parcelado", "parcelamento", "pix", "boleto", "cartao", "credito",
                        "financiamento", "financiar", "entrada", "vezes", "prestacao", "installment", "installments", "payment",
                        "financing", "card", "cuotas"]),
        ("xdecisor", ["socio", "socia", "esposa", "marido", "mulher", "chefe", "diretor", "gerente", "dono", "familia",
                      "consultar", "aprovar", "aprovacao", "partner", "wife", "husband", "boss", "manager", "approve", "esposo", "conjuge", "patrao", "proprietario", "responsavel", "owner", "spouse"]),
        ("xcontrato", ["contrato", "cancelar", "cancelamento", "multa", "fidelidade", "clausula", "rescisao", "contract",
                       "cancel", "cancellation", "penalty"]),
        ("xsuporte", ["suporte", "manutencao", "assistencia", "tecnico", "defeito", "quebrar", "quebrou", "conserto", "reparo",
                      "support", "maintenance", "repair", "broken", "atendimento", "ajuda", "chamado", "ticket", "help", "helpdesk", "soporte", "travar", "travou", "trava", "falha", "falhar", "bug", "erro", "pane", "estragar", "estragou", "crash", "freeze", "error"]),
        ("xinteresse", ["interesse", "interessado", "interessada", "quero", "gostaria", "interesse", "interested", "want"]),
        ("xcontato", ["ligar", "ligacao", "ligo", "retornar", "retorno", "responder", "resposta", "mensagem", "whatsapp",
                      "contato", "call", "reply", "follow", "followup"]),
        ("xnecessidade", ["precisar", "preciso", "precisa", "necessidade", "necessario", "need", "needs", "necesito"]),
        ("xmomento", ["momento", "agora", "futuro", "ano", "mes", "proximo", "timing", "now", "later", "year", "month"]),
        ("xinstalacao", ["instalar", "instala", "instalacao", "instalador", "montagem", "montar", "obra", "install",
                         "installation", "setup", "implantar", "implantacao", "configurar", "configuracao", "ativar", "ativacao", "implementar", "implementacao", "onboarding", "instalacion"]),
        ("xdevolucao", ["devolver", "devolucao", "devolvo", "reembolso", "reembolsar", "estorno", "estornar", "arrependimento", "arrepender",
                        "arrependi", "refund", "return", "devolucion"]),
        ("xreajuste", ["reajuste", "reajustar", "aumento", "aumentar", "aumenta", "correcao", "inflacao", "increase", "raise"]),
        ("xtreinamento", ["treinar", "treinamento", "treino", "ensinar", "aprender", "aprendizado", "capacitar", "capacitacao", "curso",
                          "tutorial", "aula", "training", "learn", "teach", "capacitacion"]),
        ("xequipe", ["equipe", "funcionario", "funcionaria", "colaborador", "colaboradora", "atendente", "operador", "operadora", "staff",
                     "team", "employee", "empleado"]),
        ("xusabilidade", ["facil", "simples", "intuitivo", "complicado", "dificil", "complexo", "usar", "mexer", "easy", "simple",
                          "difficult", "complicated", "facilidad"]),
        ("xrastreio", ["rastrear", "rastreio", "rastreamento", "encomenda", "tracking", "track", "seguimiento"]),
        ("xnota", ["nota", "fiscal", "nfe", "nfce", "fatura", "faturar", "recibo", "invoice", "receipt", "factura", "facturar"]),
        ("xdemo", ["demonstracao", "demo", "apresentacao", "reuniao", "visita", "showroom", "testar", "teste", "trial", "demonstration",
                   "meeting", "visit", "prueba", "demostracion"]),
        ("xequipamento", ["equipamento", "aparelho", "hardware", "dispositivo", "computador", "terminal", "pc", "equipment", "device",
                          "computer", "equipo"]),
        ("xdados", ["dados", "historico", "backup", "cadastro", "exportar", "planilha", "data", "export", "spreadsheet", "datos"]),
        ("xsumiu", ["sumiu", "sumir", "sumido", "sumida", "desaparecer", "desapareceu", "vacuo", "ignorar", "ignorou", "visualizou",
                    "ghost", "ghosted"]),
        ("xfechar", ["fechar", "fechamento", "contratar", "adquirir", "comprar", "compra", "close", "closing", "buy", "purchase", "cerrar"]),
        ("xocupado", ["ocupado", "ocupada", "correria", "corrido", "corrida", "atarefado", "atarefada", "enrolado", "enrolada", "busy"]),
        ("xcatalogo", ["catalogo", "folder", "folheto", "pdf", "brochure", "catalog"]),
        ("xinternet", ["internet", "wifi", "conexao", "offline", "sinal", "connection"]),
        ("xqualidade", ["qualidade", "durabilidade", "duravel", "material", "resistente", "quality", "durable"]),
    ];

    private static readonly Dictionary<string, string> ByStem = Build();

    private static readonly HashSet<string> Names = Groups.Select(g => g.Concept).ToHashSet(StringComparer.Ordinal);

    /// <summary>True for a concept term (<c>xpreco</c>…), which the analysis adds after a word rather than reading it in the text.</summary>
    public static bool IsConcept(string term) => Names.Contains(term);

    /// <summary>The concept term of a stem, or null.</summary>
    public static string? Of(string stem) => ByStem.GetValueOrDefault(stem);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (concept, words) in Groups)
        {
            foreach (var word in words.Where(w => !w.Contains(' ')))
            {
                var folded = KnowledgeText.Fold(word);
                if (KnowledgeLexicon.Stopwords.Contains(folded)) continue;
                map.TryAdd(KnowledgeText.Stem(folded), concept);
            }
        }
        return map;
    }
}
