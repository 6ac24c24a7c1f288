using System.IO.Hashing;
using System.Text;

namespace SalesCrm.Core.Knowledge;

/// <summary>What an embedding model reads for a chunk (document title, headings, text) and the key that tells when it changed.</summary>
public static class KnowledgeEmbeddingText
{
    /// <summary>The title and the heading path on the first line, the passage after it.</summary>
    public static string For(string title, IReadOnlyList<string> headingPath, string text) =>
        headingPath.Count == 0 ? $"{title}\n{text}" : $"{title} › {string.Join(" › ", headingPath)}\n{text}";

    /// <summary>A 64-bit hash (XxHash64 of the UTF-8 text): equal keys, equal input.</summary>
    public static long Key(string input) => unchecked((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(input)));
}
