using System.Text;
using System.Text.RegularExpressions;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Cuts Markdown or plain text into chunks: a heading starts a new chunk and becomes part of the path of the chunks
/// under it; paragraphs are packed up to <see cref="KnowledgeChunkerOptions.MaxChars"/>; a paragraph too long for one
/// chunk is split between sentences, never inside one, and the next chunk repeats whole sentences from the end of the
/// previous one (<see cref="KnowledgeChunkerOptions.OverlapChars"/>).
/// </summary>
public static partial class KnowledgeChunker
{
    public static IReadOnlyList<KnowledgeChunkDraft> Split(string content, KnowledgeChunkerOptions options)
    {
        var chunks = new List<KnowledgeChunkDraft>();
        var path = new List<(int Level, string Text)>();
        var section = new List<string>();
        foreach (var block in Blocks(content))
        {
            var heading = Heading().Match(block);
            if (heading.Success)
            {
                Flush(section, Path(path), options, chunks);
                var level = heading.Groups[1].Length;
                path.RemoveAll(h => h.Level >= level);
                path.Add((level, heading.Groups[2].Value.Trim().TrimEnd('#').Trim()));
            }
            else section.Add(block);
        }
        Flush(section, Path(path), options, chunks);
        return chunks;
    }

    /// <summary>The sentences of <paramref name="text"/>: cut after . ! ? … (and closing quotes) before a space and a new sentence's start.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static IReadOnlyList<string> Path(List<(int Level, string Text)> path) => path.Select(h => h.Text).ToList();

    /// <summary>Paragraphs and headings: blank lines separate paragraphs; a heading line is a block of its own; list items stay in their list.</summary>
    private static IEnumerable<string> Blocks(string content)
    {
        var current = new StringBuilder();
        foreach (var raw in content.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = raw.TrimEnd();
            if (Heading().IsMatch(line))
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
                yield return line.Trim();
            }
            else if (line.Trim().Length == 0)
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
            }
            else
            {
                if (current.Length > 0) current.Append('\n');
                current.Append(line.Trim());
            }
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static void Flush(List<string> paragraphs, IReadOnlyList<string> path, KnowledgeChunkerOptions options, List<KnowledgeChunkDraft> chunks)
    {
        if (paragraphs.Count == 0) return;
        var units = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Length <= options.MaxChars) units.Add(paragraph);
            // A list keeps its items whole; prose is cut between sentences.
            else if (paragraph.Contains('\n')) units.AddRange(paragraph.Split('\n').SelectMany(line => line.Length <= options.MaxChars ? new[] { line } : Sentences(line)));
            else units.AddRange(Sentences(paragraph));
        }
        paragraphs.Clear();

        var current = new List<string>();
        var length = 0;
        foreach (var unit in units)
        {
            if (current.Count > 0 && length + unit.Length + 2 > options.MaxChars)
            {
                chunks.Add(new KnowledgeChunkDraft(path, Join(current)));
                current = Overlap(current, options.OverlapChars, options.MaxChars - unit.Length - 2);
                length = current.Sum(u => u.Length + 2);
            }
            current.Add(unit);
            length += unit.Length + 2;
        }
        if (current.Count > 0) chunks.Add(new KnowledgeChunkDraft(path, Join(current)));
    }

    /// <summary>Whole sentences from the end of the previous chunk, at most <paramref name="budget"/> characters and never more than the room left.</summary>
    private static List<string> Overlap(List<string> previous, int budget, int room)
    {
        var tail = new List<string>();
        var sentences = previous.SelectMany(Sentences).ToList();
        var used = 0;
        for (var i = sentences.Count - 1; i >= 0; i--)
        {
            var next = used + sentences[i].Length + 1;
            if (next > budget || next > room) break;
            tail.Insert(0, sentences[i]);
            used = next;
        }
        return tail.Count == 0 ? [] : [string.Join(' ', tail)];
    }

    private static string Join(List<string> units) => string.Join("\n\n", units).Trim();

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.+)$")]
    private static partial Regex Heading();

    /// <summary>A sentence ends at . ! ? or … (optionally followed by closing quotes or brackets), then white space, then something that starts a sentence; common abbreviations do not end one.</summary>
    [GeneratedRegex(@"(?<=[.!?…][""'”’)\]]*)(?<!\b(?:Sr|Sra|Dr|Dra|Prof|Ltda|Av|n[ºo]|p|ex|Mr|Mrs|Ms|vs|e\.g|i\.e)\.)\s+(?=[\p{Lu}\p{N}""'“(¿¡\-•*])")]
    private static partial Regex SentenceEnd();
}
