using System.Text.RegularExpressions;

namespace SalesCrm.Core.Leads;

/// <summary>
/// Which lead field each CSV column is imported into: a mapping's word, else the field its title means, as Brazilian
/// spreadsheets, form tools and other CRMs title it ("Nome Completo", "Telefone Celular", "Celular/WhatsApp", "Tel.",
/// "E-mail", "Valor (R$)", "Valor do negócio", "Observações"…). Columns that are not imported are said so, never dropped
/// silently.
/// </summary>
/// <remarks>
/// A title is compared without accents, case, punctuation or a unit in parentheses, as words. The whole title may be a
/// field's API name (<c>utm_source</c>, <c>owner_email</c>) or a known phrase; otherwise its first word that says what it
/// is decides ("Telefone Celular", "Valor do negócio"), after words like "Seu", "Número de", "Data de" ("Data de
/// fechamento"). Any other field name of our export (<c>owner_name</c>, <c>stage_id</c>, <c>created_at</c>) is not imported,
/// so an exported file imports back into any workspace. A name word ("Nome", "Contato", "Lead") gives way to a later word naming another field ("Nome da
/// empresa" → company, "Lead Source" → source, "Nome do responsável" → owner) and only means the lead's name when the
/// rest still is one ("Nome completo", "Nome do contato"), so "Lead Status" is not taken for a name.
/// </remarks>
public static class LeadImportColumns
{
    /// <summary>The fields a column can be imported into; <c>notes</c> becomes a note on the lead's timeline.</summary>
    public static readonly IReadOnlyList<string> TargetFields =
        ["name", "email", "phone", "company", "source", "value", "currency", "priority", "tags", "owner_email", "stage", "expected_close_date",
         "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "notes"];

    public const string NoFieldWarning = "no field to import it into";

    /// <summary>The first word of a title that says what the column holds (accents and case removed).</summary>
    private static readonly Dictionary<string, string> Keywords = Table(
        ("name", "nome name contato contact cliente client customer lead pessoa person prospect"),
        ("email", "email emails mail"),
        ("phone", "telefone telefones tel fone celular cel whatsapp whats wpp zap phone mobile telephone cell cellphone"),
        ("company", "empresa companhia company organizacao organization org razao fantasia instituicao"),
        ("source", "origem source fonte"),
        ("value", "valor value amount montante preco price ticket receita revenue orcamento budget"),
        ("currency", "moeda currency"),
        ("priority", "prioridade priority"),
        ("tags", "tag tags etiqueta etiquetas marcador marcadores label labels rotulo rotulos"),
        ("owner_email", "responsavel vendedor vendedora owner dono dona proprietario consultor consultora atendente corretor representante assignee"),
        ("stage", "etapa stage fase estagio"),
        ("expected_close_date", "fechamento previsao close closing"),
        ("notes", "observacao observacoes obs nota notas note notes comentario comentarios comment comments anotacao anotacoes descricao description detalhes details"));

    /// <summary>Whole titles (words joined by <c>_</c>) that the first-word rule would read wrong or not at all.</summary>
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["full_name"] = "name", ["first_name"] = "name", ["deal_value"] = "value", ["deal_amount"] = "value", ["deal_stage"] = "stage",
        ["deal_owner"] = "owner_email", ["close_date"] = "expected_close_date",
    };

    /// <summary>Words that may follow a name word and leave it the lead's name ("Nome completo", "Nome e sobrenome").</summary>
    private static readonly HashSet<string> NameRest = [.. "completo completa complete full inteiro sobrenome principal".Split(' ')];

    /// <summary>Leading words that do not say what the column is ("Seu e-mail", "Número de telefone", "Data de fechamento").</summary>
    private static readonly HashSet<string> Qualifiers = [.. "seu sua your qual what is melhor best principal main primary numero number num n nº no nr data date dt".Split(' ')];

    /// <summary>Words dropped everywhere ("Valor do negócio", "Nome da empresa").</summary>
    private static readonly HashSet<string> StopWords = [.. "de do da dos das d of the para for a o em e".Split(' ')];

    /// <summary>The field a column title means without a mapping (see remarks), or null.</summary>
    public static string? Suggest(string title)
    {
        var words = Words(title);
        if (words.Count == 0) return null;
        var key = string.Join('_', words);
        if (TargetFields.Contains(key)) return key;
        // Our own export's other columns (owner_name, stage_id, stage_entered_at…) are the CRM's to fill, whatever their words say.
        if (LeadExportService.Selectable.Contains(key)) return null;
        if (Phrases.TryGetValue(key, out var phrase)) return phrase;
        var head = words.FindIndex(w => !Qualifiers.Contains(w));
        if (head < 0 || !Keywords.TryGetValue(words[head], out var field)) return null;
        var rest = words.Skip(head + 1).ToList();
        var named = rest.Select(w => Keywords.GetValueOrDefault(w)).Where(f => f is not null && f != "name").ToList();
        if (named.Contains("owner_email")) return field is "name" or "email" or "owner_email" ? "owner_email" : null; // "E-mail do vendedor": the rep's, not the lead's
        if (field != "name") return field;
        if (named.Count > 0) return named[0];
        return rest.All(w => NameRest.Contains(w) || Keywords.GetValueOrDefault(w) == "name") ? "name" : null;
    }

    /// <summary>
    /// How each column is imported: the mapping's field for its title (<c>""</c> or null leaves it out), else
    /// <see cref="Suggest"/>. When several columns come to one field, the first is imported and the others are not. Every
    /// column that is not imported carries a warning.
    /// </summary>
    public static IReadOnlyList<ImportColumn> Plan(IReadOnlyList<string> titles, IReadOnlyDictionary<string, string?>? mapping)
    {
        var columns = new List<ImportColumn>(titles.Count);
        var filled = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        for (var i = 0; i < titles.Count; i++)
        {
            var title = titles[i].Trim();
            string? m = null;
            var mapped = mapping is not null && mapping.TryGetValue(title, out m);
            var field = mapped ? (string.IsNullOrWhiteSpace(m) ? null : m.Trim()) : Suggest(title);
            ImportColumn column;
            if (field is null) column = new ImportColumn(i + 1, title, null, mapped ? "left out by the mapping" : NoFieldWarning);
            else if (filled.TryGetValue(field, out var first))
                column = new ImportColumn(i + 1, title, null,
                    $"column {i + 1} also maps to {field}, which column {first.Number} ({first.Label}) fills: the first is kept, this one is not imported", first.Number);
            else filled[field] = column = new ImportColumn(i + 1, title, field, null);
            columns.Add(column);
        }
        return columns;
    }

    /// <summary>The title's words: units in parentheses dropped, camelCase split, no accents, lower case, no filler words.</summary>
    private static List<string> Words(string title)
    {
        var text = Regex.Replace(title, @"\([^)]*\)|\[[^\]]*\]", " ");
        text = Regex.Replace(text, @"(?<=\p{Ll})(?=\p{Lu})", " ");
        var raw = Regex.Split(LeadSearch.Fold(text), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();
        var words = new List<string>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i] == "e" && i + 1 < raw.Count && raw[i + 1] == "mail") { words.Add("email"); i++; } // "E-mail", "E mail"
            else if (!StopWords.Contains(raw[i])) words.Add(raw[i]);
        }
        return words;
    }

    private static Dictionary<string, string> Table(params (string Field, string Words)[] rows) =>
        rows.SelectMany(r => r.Words.Split(' ').Select(w => (Word: w, r.Field))).ToDictionary(x => x.Word, x => x.Field, StringComparer.Ordinal);
}
