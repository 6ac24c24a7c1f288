using System.Globalization;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// A person's name from a chat reply: a leading greeting ("oi,", "boa tarde!") and an introduction ("meu nome é",
/// "me chamo", "sou a", "my name is") are dropped, so is what follows a comma or <c>!</c> ("Ana, prazer!") and a closing
/// "aqui" ("Ana aqui"), then the rest must be 1–6 words of letters (accents, apostrophes and
/// hyphens allowed), 2–80 characters with at least two letters, and not a chat word ("sim", "ok", "oi"). The result is
/// title-cased when it was typed all lower or all upper case (<c>maria DA silva</c> → <c>Maria da Silva</c>).
/// </summary>
public static class NameAnswer
{
    private static readonly string[] Greetings = ["oi", "ola", "opa", "e ai", "bom dia", "boa tarde", "boa noite", "hello", "hi"];

    private static readonly string[] Introductions =
    [
        "o meu nome e", "meu nome e", "meu nome", "nome", "eu me chamo", "me chamo", "pode me chamar de", "eu sou o", "eu sou a", "eu sou",
        "sou o", "sou a", "sou", "aqui e o", "aqui e a", "aqui e", "e o", "e a", "my name is", "i am", "i'm", "this is",
    ];

    private static readonly HashSet<string> NotNames =
        ["sim", "nao", "ok", "oi", "ola", "opa", "obrigado", "obrigada", "valeu", "teste", "bom dia", "boa tarde", "boa noite", "nenhum", "nada", "yes", "no", "hello", "hi"];

    /// <summary>Validates <paramref name="text"/> (already trimmed and NFC) as a name.</summary>
    public static AnswerResult Validate(string text, AnswerContext ctx)
    {
        var name = StripLead(text.Trim().TrimEnd('.', '!', '?', ' ').Trim('"', '\'', '*', '_', ' '));
        // "Ana, prazer!" / "Ana! tudo bem?" / "Ana aqui": the name is what comes before.
        if (name.IndexOfAny([',', '!', '?', ';', '\n']) is > 0 and var cut) name = name[..cut].Trim();
        if (name.EndsWith(" aqui", StringComparison.OrdinalIgnoreCase)) name = name[..^5].Trim();
        if (name.Length is < 2 or > 80) return AnswerResult.Invalid("invalid_name");
        if (!name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            return AnswerResult.Invalid("invalid_name");
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || name.Count(char.IsLetter) < 2 || NotNames.Contains(SafeText.Fold(string.Join(' ', words))))
            return AnswerResult.Invalid("invalid_name");
        var normalized = NameCase.Title(string.Join(' ', words), ctx.Culture);
        return AnswerResult.Valid(JsonValue.Create(normalized), normalized);
    }

    /// <summary>Drops one greeting and one introduction phrase at the start, compared without case and accents.</summary>
    private static string StripLead(string text)
    {
        var rest = DropPrefix(text, Greetings, requireSeparator: true);
        rest = DropPrefix(rest, Introductions, requireSeparator: false);
        return rest.TrimStart(':', ',', '-', ' ').Trim();
    }

    private static string DropPrefix(string text, string[] prefixes, bool requireSeparator)
    {
        var folded = SafeText.Fold(text);
        // Folding keeps one char per char for Latin text; when it does not, leave the text alone.
        if (folded.Length != text.Length) return text;
        foreach (var prefix in prefixes)
        {
            if (!folded.StartsWith(prefix, StringComparison.Ordinal) || folded.Length == prefix.Length) continue;
            var next = folded[prefix.Length];
            if (char.IsLetter(next)) continue;
            var rest = text[prefix.Length..].TrimStart();
            if (requireSeparator && !(next is ',' or '!' or '.' or ' ')) continue;
            return rest.TrimStart(',', '!', '.', ' ');
        }
        return text;
    }
}
