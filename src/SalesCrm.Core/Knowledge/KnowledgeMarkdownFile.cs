namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A Markdown document with a small YAML front matter (title, type, language, tags as <c>[a, b]</c>, and a
/// <c>metadata:</c> block with stage, product, vertical), as the demo playbook is written. Only that flat subset of
/// YAML is read; the rest of the file is the content.
/// </summary>
public static class KnowledgeMarkdownFile
{
    /// <summary>The document the file describes; without front matter, the file name is the title and the type is <paramref name="fallbackType"/>.</summary>
    public static KnowledgeDocumentInput Parse(string text, string fileName, KnowledgeDocumentType fallbackType = KnowledgeDocumentType.Training)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var inMetadata = false;
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "---") { start = i + 1; break; }
                var line = lines[i].Split(" #")[0];
                var colon = line.IndexOf(':');
                if (colon < 0) continue;
                var key = line[..colon].Trim();
                var value = Unquote(line[(colon + 1)..].Trim());
                var indented = line.StartsWith(' ') || line.StartsWith('\t');
                if (!indented) inMetadata = key.Equals("metadata", StringComparison.OrdinalIgnoreCase) && value.Length == 0;
                if (indented && inMetadata) metadata[key] = value;
                else if (!indented) fields[key] = value;
            }
        }
        var tags = fields.TryGetValue("tags", out var t)
            ? t.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Unquote).ToList()
            : [];
        return new KnowledgeDocumentInput(
            Title: fields.GetValueOrDefault("title") ?? Path.GetFileNameWithoutExtension(fileName),
            Type: SnakeTypeOrNull(fields.GetValueOrDefault("type")) ?? fallbackType,
            Language: KnowledgeLanguages.Canonical(fields.GetValueOrDefault("language")) ?? KnowledgeLanguages.Portuguese,
            Content: string.Join('\n', lines[start..]).Trim(),
            Tags: tags,
            Metadata: new KnowledgeMetadata { PipelineStage = metadata.GetValueOrDefault("stage"), Product = metadata.GetValueOrDefault("product"), Vertical = metadata.GetValueOrDefault("vertical") },
            SourceFileName: Path.GetFileName(fileName),
            SourceMediaType: "text/markdown");
    }

    private static KnowledgeDocumentType? SnakeTypeOrNull(string? text) => Data.SnakeEnum.TryParse<KnowledgeDocumentType>(text, out var type) ? type : null;

    private static string Unquote(string s) => s.Length >= 2 && (s[0] == '"' && s[^1] == '"' || s[0] == '\'' && s[^1] == '\'') ? s[1..^1] : s;
}
