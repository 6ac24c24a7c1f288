using System.Globalization;
using System.Text.RegularExpressions;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Assistant;

/// <summary>Text helpers of the chat parser: folding (lower case, no accents, punctuation as spaces), word look-ups with one typo allowed, numbers written the Brazilian or the English way.</summary>
public static partial class ChatText
{
    /// <summary>Lower case, no accents, one space between words; keeps digits, <c>.</c>, <c>,</c>, <c>$</c> and <c>'</c> (numbers, money, possessives).</summary>
    public static string Fold(string text) => Spaces().Replace(LoosePoint().Replace(Noise().Replace(UnicodeText.Fold(text), " "), " "), " ").Trim();

    /// <summary>True when <paramref name="word"/> is one of <paramref name="words"/>, or one edit away from one of six letters or more.</summary>
    public static bool Near(string word, IEnumerable<string> words) =>
        words.Any(w => w == word || (w.Length >= 6 && word.Length >= 5 && Math.Abs(w.Length - word.Length) <= 1 && Distance(w, word) <= 1));

    /// <summary>True when any word of <paramref name="folded"/> is <see cref="Near"/> one of <paramref name="words"/>.</summary>
    public static bool HasWord(string folded, params string[] words) => folded.Split(' ').Any(w => Near(w, words));

    /// <summary>True when any word starts with one of <paramref name="stems"/> (exact prefix).</summary>
    public static bool HasStem(string folded, params string[] stems) => folded.Split(' ').Any(w => stems.Any(s => w.StartsWith(s, StringComparison.Ordinal)));

    /// <summary>True when <paramref name="folded"/> holds <paramref name="phrase"/> as whole words.</summary>
    public static bool HasPhrase(string folded, string phrase) => $" {folded} ".Contains($" {phrase} ", StringComparison.Ordinal);

    /// <summary>
    /// A number as written in a question: <c>10</c>, <c>10.000</c> / <c>10,000</c> (thousands), <c>10,5</c> / <c>10.5</c>
    /// (decimals), with a multiplier word (<c>mil</c>, <c>k</c>, <c>mi</c>, <c>milhao</c>, <c>million</c>, <c>m</c>). Null when not a number.
    /// </summary>
    public static decimal? Number(string digits, string? multiplier)
    {
        var text = digits.Trim('.', ',');
        if (text.Length == 0) return null;
        int dot = text.LastIndexOf('.'), comma = text.LastIndexOf(',');
        string normal;
        if (dot >= 0 && comma >= 0) normal = dot > comma ? text.Replace(",", "") : text.Replace(".", "").Replace(',', '.');
        else if (dot >= 0 || comma >= 0)
        {
            var sep = dot >= 0 ? '.' : ',';
            var parts = text.Split(sep);
            normal = parts.Length > 2 || parts[^1].Length == 3 ? text.Replace(sep.ToString(), "") : text.Replace(sep, '.');
        }
        else normal = text;
        if (!decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        return multiplier switch
        {
            "mil" or "k" => value * 1_000,
            "mi" or "milhao" or "milhoes" or "million" or "millions" or "m" => value * 1_000_000,
            _ => value,
        };
    }

    /// <summary>Small numbers written as words (<c>uma</c>, <c>two</c>, <c>tres</c>…), or digits.</summary>
    public static int? Count(string word) => word switch
    {
        "um" or "uma" or "a" or "an" or "one" => 1,
        "dois" or "duas" or "two" => 2,
        "tres" or "three" => 3,
        "quatro" or "four" => 4,
        "cinco" or "five" => 5,
        "seis" or "six" => 6,
        "sete" or "seven" => 7,
        "dez" or "ten" => 10,
        "quinze" or "fifteen" => 15,
        "trinta" or "thirty" => 30,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
    };

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"[^a-z0-9.,$' ]+")]
    private static partial Regex Noise();

    /// <summary>A point or comma that is not inside a number.</summary>
    [GeneratedRegex(@"(?<!\d)[.,]|[.,](?!\d)")]
    private static partial Regex LoosePoint();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
