using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// A number from a chat reply: the one number in the sentence (<c>R$ 350</c>, <c>uns 350 reais</c>, <c>1.234,56</c>,
/// <c>1,234.56</c>, <c>350,00/mês</c>), read in the workspace culture by <see cref="ScopeValues.TryNumber(string, CultureInfo, out decimal)"/>,
/// times a thousand or a million when followed by <c>mil</c>/<c>k</c> or <c>milhão</c>/<c>milhões</c>/<c>mi</c>
/// (<c>1,5 mil</c> = 1500); <c>mil</c> alone is 1000. Two different numbers (<c>entre 300 e 400</c>) are
/// <c>ambiguous_number</c>; outside <see cref="AnswerContext.Min"/>–<see cref="AnswerContext.Max"/> is <c>out_of_range</c>.
/// </summary>
public static partial class NumberAnswer
{
    /// <summary>Validates <paramref name="text"/> (already trimmed and NFC) as a number.</summary>
    public static AnswerResult Validate(string text, AnswerContext ctx)
    {
        var folded = SafeText.Fold(text);
        var matches = Number().Matches(folded);
        decimal? found = null;
        foreach (Match match in matches)
        {
            var token = match.Groups["n"].Value.TrimEnd('.', ',');
            if (!ScopeValues.TryNumber(token, ctx.Culture, out var value)) return AnswerResult.Invalid("invalid_number");
            value *= match.Groups["m"].Value switch
            {
                "mil" or "k" => 1_000m,
                "" => 1m,
                _ => 1_000_000m,
            };
            if (match.Groups["neg"].Success) value = -value;
            if (found is { } previous && previous != value) return AnswerResult.Invalid("ambiguous_number");
            found = value;
        }
        if (found is null && WholeWord(folded, "mil")) found = 1000m;
        if (found is not { } number) return AnswerResult.Invalid("invalid_number");
        if (number < ctx.Min || number > ctx.Max) return AnswerResult.Invalid("out_of_range");
        return AnswerResult.Valid(JsonValue.Create(number), number.ToString("#,0.##", ctx.Culture));
    }

    private static bool WholeWord(string text, string word) => Regex.IsMatch(text, $@"(^|\W){word}($|\W)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    [GeneratedRegex(@"(?<neg>(?<![\w.,])-)?(?<n>\d[\d.,]*)\s*(?<m>(?:milhoes|milhao|mil|mi|k)(?![a-z]))?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Number();
}
