using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Which option a typed reply chooses, in this order: the option id typed as it is; the title typed exactly; the option's number
/// (<c>2</c>, <c>2.</c>, <c>opção 2</c>, <c>#2</c>, 1-based); the title ignoring case, accents, emoji and punctuation
/// (<c>ate 30 dias</c> for "Até 30 dias" followed by an emoji); the one option whose title's words all appear in the reply
/// (<c>acho que em até 30 dias</c>) or that starts with the reply (<c>acima</c> for "Acima de R$ 500"; two letters at least). Several options
/// matching is <c>ambiguous_option</c>; none is <c>no_matching_option</c>. The value is the option id.
/// </summary>
public static class OptionAnswer
{
    /// <summary>Validates <paramref name="text"/> (already trimmed and NFC) against <paramref name="options"/>.</summary>
    public static AnswerResult Validate(string text, IReadOnlyList<AnswerOption> options)
    {
        if (options.Count == 0) return AnswerResult.Invalid("no_matching_option");
        if (options.FirstOrDefault(o => string.Equals(o.Id, text, StringComparison.OrdinalIgnoreCase)) is { } byId) return Chosen(byId);
        var reply = Words(text);
        if (reply.Length == 0) return AnswerResult.Invalid("no_matching_option");
        var joined = string.Join(' ', reply);
        // A title typed as it is wins over a position: with options "1", "2-3", "4+", the reply "4+" or "1" is the title.
        var exact = options.Where(o => string.Join(' ', Words(o.Title)) == joined).ToList();
        if (exact.Count == 1 && (Index(reply) is null || text.Trim() == exact[0].Title.Trim())) return Chosen(exact[0]);
        var index = Index(reply);
        if (index is >= 1 && index <= options.Count) return Chosen(options[index.Value - 1]);
        if (exact.Count == 1) return Chosen(exact[0]);
        if (index is not null) return AnswerResult.Invalid("no_matching_option");
        var partial = options.Where(o => Words(o.Title) is { Length: > 0 } title
                && (ContainsRun(reply, title) || (joined.Length >= 2 && string.Join(' ', title).StartsWith(joined, StringComparison.Ordinal))))
            .ToList();
        return partial.Count switch
        {
            1 => Chosen(partial[0]),
            0 => AnswerResult.Invalid("no_matching_option"),
            _ => AnswerResult.Invalid("ambiguous_option"),
        };
    }

    private static AnswerResult Chosen(AnswerOption option) => AnswerResult.Valid(JsonValue.Create(option.Id), option.Title);

    /// <summary>A reply that is only a number, optionally after "opção", "opcao", "op", "numero", "n" or "#".</summary>
    private static int? Index(string[] words)
    {
        var rest = words.Length == 2 && words[0] is "opcao" or "op" or "numero" or "n" or "alternativa" or "item" ? words[1..] : words;
        return rest.Length == 1 && rest[0].Length <= 2 && rest[0].All(char.IsAsciiDigit) ? int.Parse(rest[0], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Whether <paramref name="title"/>'s words appear in a row inside <paramref name="reply"/>.</summary>
    private static bool ContainsRun(string[] reply, string[] title)
    {
        for (var start = 0; start + title.Length <= reply.Length; start++)
            if (reply.AsSpan(start, title.Length).SequenceEqual(title)) return true;
        return false;
    }

    /// <summary>Folded words: letters and digits only ("Até R$ 30 dias!" plus an emoji → ["ate", "r", "30", "dias"]).</summary>
    private static string[] Words(string text)
    {
        var folded = SafeText.Fold(text);
        var cleaned = new StringBuilder(folded.Length);
        foreach (var c in folded) cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
