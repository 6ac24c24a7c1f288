namespace SalesCrm.Core.Knowledge;

/// <summary>Word lists of <see cref="KnowledgeText"/>: chat spellings, stopwords and stemming endings (all folded).</summary>
internal static class KnowledgeLexicon
{
    /// <summary>Chat and spoken spellings of Brazilian Portuguese, spelled out.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChatSpelling = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ta"] = "esta", ["tah"] = "esta", ["to"] = "estou", ["tou"] = "estou", ["tava"] = "estava", ["tamo"] = "estamos",
        ["pra"] = "para", ["pro"] = "para o", ["pras"] = "para as", ["pros"] = "para os", ["pa"] = "para",
        ["vc"] = "voce", ["vcs"] = "voces", ["ce"] = "voce", ["oce"] = "voce", ["cê"] = "voce",
        ["q"] = "que", ["oq"] = "o que", ["oque"] = "o que", ["pq"] = "porque", ["pq?"] = "porque", ["porq"] = "porque",
        ["n"] = "nao", ["ñ"] = "nao", ["naum"] = "nao", ["nao"] = "nao", ["num"] = "nao",
        ["tb"] = "tambem", ["tbm"] = "tambem", ["hj"] = "hoje", ["agr"] = "agora", ["dps"] = "depois", ["depois"] = "depois",
        ["mt"] = "muito", ["mto"] = "muito", ["mta"] = "muita", ["td"] = "tudo", ["tds"] = "todos", ["msm"] = "mesmo",
        ["blz"] = "beleza", ["vlw"] = "valeu", ["obg"] = "obrigado", ["brigado"] = "obrigado", ["ctz"] = "certeza",
        ["msg"] = "mensagem", ["qto"] = "quanto", ["qnto"] = "quanto", ["qt"] = "quanto", ["qdo"] = "quando", ["qnd"] = "quando",
        ["cmg"] = "comigo", ["ngm"] = "ninguem", ["msg"] = "mensagem", ["tel"] = "telefone", ["zap"] = "whatsapp", ["wpp"] = "whatsapp",
        ["vo"] = "vou", ["vamo"] = "vamos", ["bora"] = "vamos", ["ai"] = "ai", ["eh"] = "e", ["neh"] = "ne",
        ["dinheiro"] = "dinheiro", ["grana"] = "dinheiro", ["reais"] = "real", ["conto"] = "real", ["pila"] = "real",
        // "p/", "c/" lose their slash in the split
        ["p"] = "para", ["c"] = "com", ["qq"] = "qualquer", ["qlq"] = "qualquer", ["qlqr"] = "qualquer", ["kd"] = "cade", ["nd"] = "nada",
        ["vdd"] = "verdade", ["fds"] = "fim de semana", ["dnv"] = "de novo", ["pfv"] = "por favor", ["pfvr"] = "por favor", ["pf"] = "por favor",
        ["amnh"] = "amanha", ["amn"] = "amanha", ["hrs"] = "horas", ["hr"] = "hora", ["qm"] = "quem", ["qnt"] = "quanto", ["qts"] = "quantos",
        ["qtos"] = "quantos", ["qtas"] = "quantas", ["ql"] = "qual", ["tdo"] = "tudo", ["aki"] = "aqui", ["aq"] = "aqui", ["vlr"] = "valor",
        ["pgto"] = "pagamento", ["pagto"] = "pagamento", ["orc"] = "orcamento", ["info"] = "informacao", ["infos"] = "informacoes",
        ["ent"] = "entao", ["cel"] = "celular", ["whats"] = "whatsapp", ["zapzap"] = "whatsapp", ["dms"] = "demais", ["dmais"] = "demais",
        ["mts"] = "muitos", ["mtos"] = "muitos", ["tmb"] = "tambem", ["tbem"] = "tambem", ["alg"] = "alguem", ["algm"] = "alguem",
        ["ctg"] = "contigo", ["obgd"] = "obrigado", ["obgda"] = "obrigada", ["vce"] = "voce", ["prox"] = "proximo", ["nf"] = "nota fiscal",
        ["avista"] = "a vista", ["apartir"] = "a partir", ["derrepente"] = "de repente", ["concerteza"] = "com certeza",
        // en, es
        ["u"] = "you", ["ur"] = "your", ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks", ["ty"] = "thanks", ["r"] = "are",
        ["w"] = "with", ["b4"] = "before", ["xq"] = "porque", ["dnd"] = "donde",
    };

    /// <summary>
    /// Function words of Portuguese, English and Spanish (folded: articles, prepositions, pronouns, conjunctions) and chat
    /// fillers. Verbs ("tenho", "vou", "posso") and "nao" are kept: "já tenho sistema" and "não confio" mean something.
    /// </summary>
    public static readonly IReadOnlySet<string> Stopwords = new HashSet<string>(StringComparer.Ordinal)
    {
        // pt
        "a", "o", "as", "os", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas",
        "num", "numa", "por", "pelo", "pela", "pelos", "pelas", "para", "com", "sem", "sob", "ao", "aos", "e", "ou", "mas",
        "que", "se", "me", "te", "lhe", "lhes", "vos", "eu", "tu", "ele", "ela", "eles", "elas", "voce", "voces", "meu",
        "minha", "meus", "minhas", "seu", "sua", "seus", "suas", "nosso", "nossa", "nossos", "nossas", "dele", "dela",
        "este", "esta", "estes", "estas", "esse", "essa", "esses", "essas", "isso", "isto", "aquele", "aquela", "aquilo",
        "e", "sao", "muito", "muita", "muitos", "ja", "so", "entao", "ai", "ne", "tipo", "pois", "la", "aqui", "ali", "oi",
        "ola", "obrigado", "obrigada", "beleza", "valeu", "hein", "hum", "ah", "eh", "uai", "oh", "blz", "gente",
        // en
        "the", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "are", "was",
        "were", "be", "been", "am", "i", "you", "he", "she", "it", "we", "they", "my", "your", "our", "their", "this",
        "that", "these", "those", "what", "which", "who", "so", "too", "very", "if", "me", "us", "them", "its", "there",
        "hi", "hello", "please", "thanks", "guys",
        // es
        "el", "la", "los", "las", "un", "una", "y", "es", "del", "al", "lo", "le", "su", "sus", "con", "por", "para",
        "pero", "muy", "mi", "tu", "yo", "usted",
    };

    /// <summary>Endings the stemmer strips (after the plural), longest first so the longest that fits wins.</summary>
    public static readonly IReadOnlyList<string> Suffixes = new[]
    {
        "amente", "mente", "acao", "icao", "ucao", "encia", "ancia", "mento", "idade", "avel", "ivel", "ismo", "ista",
        "ariam", "eriam", "iriam", "aram", "eram", "iram", "arem", "erem", "irem", "arao", "erao", "irao", "aria", "eria",
        "iria", "ando", "endo", "indo", "avam", "ente", "ante", "ado", "ada", "ido", "ida", "ava", "ing", "ar", "er", "ir",
        "ei", "ou", "am", "em", "ia", "ly", "ed",
    }.OrderByDescending(s => s.Length).ToArray();
}
