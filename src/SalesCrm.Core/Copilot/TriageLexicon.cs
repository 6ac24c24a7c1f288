namespace SalesCrm.Core.Copilot;

/// <summary>
/// The words and phrases behind <see cref="LexiconTriage"/>, pt-BR (written without accents, as <see cref="TriageText"/>
/// folds them) and English. Phrases are matched on whole words; a phrase listed here is never split by a negation.
/// </summary>
internal static class TriageLexicon
{
    /// <summary>Word polarity, −2…+2.</summary>
    public static readonly Dictionary<string, double> Polarity = new(StringComparer.Ordinal)
    {
        // pt-BR positive
        ["otimo"] = 2, ["otima"] = 2, ["excelente"] = 2, ["perfeito"] = 2, ["perfeita"] = 2, ["maravilhoso"] = 2, ["maravilha"] = 2,
        ["adorei"] = 2, ["amei"] = 2, ["incrivel"] = 2, ["sensacional"] = 2, ["top"] = 1.5, ["show"] = 1.5, ["gostei"] = 1.5,
        ["bom"] = 1, ["boa"] = 1, ["legal"] = 1, ["bacana"] = 1, ["massa"] = 1, ["beleza"] = 1, ["obrigado"] = 1, ["valeu"] = 1,
        ["satisfeito"] = 1.5, ["satisfeita"] = 1.5, ["feliz"] = 1.5, ["parabens"] = 2, ["gentil"] = 1, ["rapido"] = 0.5, ["interessante"] = 1,
        ["interessado"] = 1, ["interessada"] = 1, ["fechado"] = 1, ["combinado"] = 1, ["certo"] = 0.5, ["tranquilo"] = 0.5,
        // pt-BR negative
        ["ruim"] = -1.5, ["pessimo"] = -2, ["pessima"] = -2, ["horrivel"] = -2, ["terrivel"] = -2, ["absurdo"] = -2, ["lixo"] = -2,
        ["vergonha"] = -2, ["descaso"] = -2, ["decepcionado"] = -2, ["decepcionada"] = -2, ["decepcao"] = -2, ["insatisfeito"] = -2,
        ["insatisfeita"] = -2, ["chateado"] = -1.5, ["chateada"] = -1.5, ["irritado"] = -2, ["irritada"] = -2, ["raiva"] = -2,
        ["triste"] = -1, ["problema"] = -1, ["problemas"] = -1, ["defeito"] = -1.5, ["quebrado"] = -1.5, ["quebrou"] = -1.5,
        ["atraso"] = -1.5, ["atrasado"] = -1.5, ["atrasou"] = -1.5, ["demora"] = -1, ["demorou"] = -1, ["demorando"] = -1,
        ["caro"] = -1, ["cara"] = 0, ["enganado"] = -2, ["enganada"] = -2, ["golpe"] = -2, ["reclamacao"] = -1.5, ["cancelar"] = -1,
        ["errado"] = -1, ["errada"] = -1, ["falha"] = -1, ["piorou"] = -1.5, ["pior"] = -1.5, ["furada"] = -1.5, ["palhacada"] = -2,
        ["sacanagem"] = -2, ["ridiculo"] = -2, ["ninguem"] = -0.5, ["cansado"] = -1, ["cansada"] = -1, ["desisto"] = -1.5,
        // English
        ["great"] = 2, ["excellent"] = 2, ["perfect"] = 2, ["awesome"] = 2, ["amazing"] = 2, ["love"] = 2, ["loved"] = 2,
        ["good"] = 1, ["nice"] = 1, ["like"] = 0.5, ["thanks"] = 1, ["thank"] = 1, ["happy"] = 1.5, ["glad"] = 1, ["cool"] = 1,
        ["interested"] = 1, ["deal"] = 0.5, ["bad"] = -1.5, ["terrible"] = -2, ["awful"] = -2, ["horrible"] = -2, ["worst"] = -2,
        ["broken"] = -1.5, ["late"] = -1, ["delay"] = -1, ["delayed"] = -1.5, ["disappointed"] = -2, ["angry"] = -2, ["upset"] = -1.5,
        ["annoyed"] = -1.5, ["problem"] = -1, ["issue"] = -1, ["expensive"] = -1, ["refund"] = -1.5, ["scam"] = -2, ["unacceptable"] = -2,
        ["ridiculous"] = -2, ["wrong"] = -1, ["useless"] = -2, ["complaint"] = -1.5,
    };

    /// <summary>Emoji customers send, written as escapes: they are matched in messages, never shown by the app.</summary>
    public static readonly Dictionary<string, double> EmojiPolarity = new(StringComparer.Ordinal)
    {
        ["\U0001F60D"] = 2, ["\U0001F970"] = 2, ["\U0001F60A"] = 1, ["\U0001F642"] = 0.5, ["\U0001F600"] = 1, ["\U0001F603"] = 1, ["\U0001F604"] = 1, ["\U0001F44D"] = 1, ["\U0001F64F"] = 0.5, ["\u2764"] = 1.5, ["\U0001F44F"] = 1.5,
        ["\U0001F389"] = 1.5, ["\U0001F621"] = -2, ["\U0001F92C"] = -2, ["\U0001F620"] = -2, ["\U0001F624"] = -1.5, ["\U0001F44E"] = -1.5, ["\U0001F61E"] = -1.5, ["\U0001F622"] = -1, ["\U0001F62D"] = -1.5, ["\U0001F644"] = -1,
    };

    /// <summary>Words that turn the next few words around: "nao gostei", "not good".</summary>
    public static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "nao", "nem", "nunca", "jamais", "ñ", "not", "no", "never", "don't", "doesn't", "didn't", "isn't", "can't", "won't", "nothing",
    };

    /// <summary>Words that make the next one count half as much again: "muito ruim", "super caro", "really bad".</summary>
    public static readonly HashSet<string> Intensifiers = new(StringComparer.Ordinal)
    {
        "muito", "super", "demais", "extremamente", "totalmente", "bem", "mega", "hiper", "tao", "very", "really", "so", "extremely", "too", "totally",
    };

    public static readonly string[] Complaint =
    [
        "reclamacao", "reclamar", "absurdo", "pessimo", "pessima", "horrivel", "defeito", "quebrado", "quebrou", "nao funciona", "parou de funcionar",
        "nao chegou", "ainda nao chegou", "atrasado", "atrasou", "atraso", "descaso", "procon", "reclame aqui", "cade meu", "cade minha", "cade o",
        "ninguem responde", "ninguem me responde", "ninguem atende", "ninguem me atende", "travou", "travando", "sistema parou", "caixa parou", "enganado", "enganada", "golpe", "vergonha", "palhacada", "falta de respeito",
        "quero meu dinheiro", "dinheiro de volta", "estorno", "veio errado", "veio quebrado", "nao resolveram", "estou esperando", "to esperando",
        "broken", "doesn't work", "not working", "stopped working", "complaint", "never arrived", "still waiting", "worst", "refund", "scam",
        "unacceptable", "nobody answers", "no one answers", "wrong item", "money back",
    ];

    public static readonly string[] PriceObjection =
    [
        "caro", "cara demais", "preco alto", "preco salgado", "salgado", "fora do orcamento", "acima do orcamento", "estourou o orcamento",
        "mais barato", "mais em conta", "desconto", "abaixar o preco", "baixar o preco", "melhorar o preco", "melhorar o valor", "valor alto",
        "concorrente", "concorrencia", "sem grana", "sem dinheiro", "nao tenho dinheiro", "nao tenho grana", "nao cabe no bolso", "apertado",
        "parcelar", "parcela", "faz por menos", "faz mais barato", "chorar um desconto",
        "expensive", "too much", "cheaper", "discount", "out of budget", "over budget", "can't afford", "lower the price", "better price", "competitor",
    ];

    public static readonly string[] NotInterested =
    [
        "nao tenho interesse", "sem interesse", "nao quero mais", "nao quero", "nao preciso", "pode tirar", "para de mandar", "parar de mandar",
        "pare de mandar", "nao me mande", "desisti", "desisto", "vou desistir", "ja comprei com outro", "ja fechei com outro", "nao vou querer",
        "not interested", "stop messaging", "stop sending", "unsubscribe", "remove me", "no longer interested", "don't want",
    ];

    public static readonly string[] PurchaseIntent =
    [
        "quero fechar", "vou fechar", "vamos fechar", "pode fechar", "fechado", "fechou", "fechamos", "quero comprar", "vou comprar", "quero contratar", "vou contratar",
        "pode mandar o contrato", "manda o contrato", "envia o contrato", "contrato", "como faco para pagar", "como pago", "pix", "boleto",
        "chave pix", "manda o link", "link de pagamento", "pode emitir", "nota fiscal", "quero o plano", "quero assinar", "vou assinar", "bora fechar",
        "negocio fechado", "pode reservar", "quero reservar", "quero esse", "quero essa", "vou levar",
        "i want to buy", "i'll take it", "let's do it", "send the invoice", "send the contract", "ready to buy", "ready to sign", "purchase",
        "place an order", "sign up", "where do i pay", "payment link", "let's close",
    ];

    public static readonly string[] Scheduling =
    [
        "agendar", "agenda", "agendamento", "marcar", "remarcar", "desmarcar", "horario", "reuniao", "visita", "visitar", "que horas", "qual horario",
        "amanha", "semana que vem", "proxima semana", "segunda", "terca", "quarta", "quinta", "sexta", "sabado", "disponibilidade", "disponivel",
        "pode ser as", "pode ser amanha", "a tarde", "de tarde", "pela manha", "de manha", "a noite", "as 10h", "que dia", "me liga", "me ligar", "ligacao", "call",
        "schedule", "reschedule", "meeting", "appointment", "tomorrow", "next week", "call me", "book a", "what time", "available", "monday",
        "tuesday", "wednesday", "thursday", "friday",
    ];

    public static readonly string[] Thanks = ["obrigado", "valeu", "agradeco", "gratidao", "thanks", "thank you", "much appreciated", "tmj"];

    public static readonly string[] Greeting =
    [
        "oi", "oii", "ola", "bom dia", "boa tarde", "boa noite", "e ai", "eai", "opa", "salve", "tudo bem", "tudo bom", "hello", "hi", "hey",
        "good morning", "good afternoon", "good evening",
    ];

    /// <summary>Words that may stand beside a greeting without making it more ("oi pessoal", "bom dia, tudo bem com voce").</summary>
    public static readonly HashSet<string> GreetingFillers = new(StringComparer.Ordinal)
    {
        "pessoal", "gente", "com", "voce", "voces", "ai", "amigo", "amiga", "querida", "querido", "moca", "moco", "there", "all", "everyone", "how", "are", "you",
    };

    /// <summary>Word pairs that are greetings, not judgements: "bom dia" says nothing good about anything.</summary>
    public static readonly HashSet<(string, string)> Formulas =
    [
        ("bom", "dia"), ("boa", "tarde"), ("boa", "noite"), ("tudo", "bem"), ("tudo", "bom"), ("bom", "fim"), ("good", "morning"), ("good", "afternoon"),
        ("good", "evening"), ("good", "night"),
    ];

    public static readonly string[] QuestionStarts =
    [
        "qual", "quais", "quanto", "quantos", "quantas", "como", "quando", "onde", "por que", "voces tem", "voce tem", "poderia", "sera que",
        "e possivel", "what", "how", "when", "where",
        "why", "which", "do you", "does", "is there", "are there", "can", "could", "is it",
    ];

    /// <summary>Asking for an answer now: high urgency on their own.</summary>
    public static readonly string[] Urgent =
    [
        "urgente", "urgencia", "emergencia", "imediatamente", "o quanto antes", "o mais rapido", "mais rapido possivel", "para ontem", "socorro",
        "preciso ja", "ainda hoje", "ate hoje", "urgent", "urgently", "asap", "right now", "immediately", "emergency", "right away",
    ];

    /// <summary>Soon, but not alarmed: high urgency only together with emphasis or a complaint.</summary>
    public static readonly string[] Soon =
    [
        "agora", "hoje", "rapido", "correndo", "prazo", "logo", "preciso", "ainda", "now", "today", "quick", "quickly", "deadline", "soon", "need",
    ];

    public static readonly string[] Unhurried =
    [
        "sem pressa", "quando puder", "quando der", "com calma", "sem urgencia", "mais pra frente", "mais para frente", "ano que vem", "no rush",
        "whenever", "when you can", "no hurry", "next year", "later on",
    ];
}
