using System.Globalization;
using System.Text;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Person names as people write them: <c>maria DA silva</c> → <c>Maria da Silva</c> (Portuguese particles da, de, do,
/// das, dos, e stay lower case after the first word), and the first name of a full name.
/// </summary>
public static class NameCase
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase) { "da", "de", "do", "das", "dos", "e", "di", "du", "van", "von", "del", "della" };

    /// <summary>Each all-lower or all-upper word capitalised (after a hyphen or apostrophe too), mixed-case words kept, particles lower case; spaces collapsed.</summary>
    public static string Title(string text, CultureInfo culture)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var result = new StringBuilder(text.Length);
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0) result.Append(' ');
            var word = words[w];
            if (w > 0 && Particles.Contains(word)) { result.Append(word.ToLower(culture)); continue; }
            // A word already in mixed case (McDonald, DiCaprio) was written on purpose: keep it.
            if (word.Any(char.IsUpper) && word.Any(char.IsLower)) { result.Append(word); continue; }
            var upperNext = true;
            foreach (var c in word)
            {
                result.Append(upperNext ? char.ToUpper(c, culture) : char.ToLower(c, culture));
                upperNext = c is '-' or '\'' or '’';
            }
        }
        return result.ToString();
    }

    /// <summary>The first word of <paramref name="fullName"/>, title-cased (<c>JOÃO pedro</c> → <c>João</c>); empty for blank text.</summary>
    public static string FirstName(string fullName, CultureInfo culture)
    {
        var first = fullName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null ? "" : Title(first, culture);
    }
}
