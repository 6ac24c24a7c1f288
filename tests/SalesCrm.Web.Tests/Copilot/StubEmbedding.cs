using System.Globalization;
using System.Text;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// The stub server's vectors: a bag of words hashed into <see cref="Dimensions"/> buckets (accents and case folded, words of
/// three letters or more), with the model name in the hash, so texts sharing words are near and another model gives
/// other vectors. Deterministic across runs and processes.
/// </summary>
public static class StubEmbedding
{
    public const int Dimensions = 64;

    public static float[] Of(string model, string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Words(text))
        {
            var hash = 2166136261u;
            foreach (var c in model + "|" + word) hash = (hash ^ c) * 16777619u;
            vector[hash % Dimensions] += 1f;
        }
        return vector;
    }

    private static IEnumerable<string> Words(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3);
    }
}
