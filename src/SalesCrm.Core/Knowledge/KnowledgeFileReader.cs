using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The text of an uploaded file, as Markdown-like text the chunker reads: <c>.txt</c> and <c>.md</c> as they are
/// (UTF-8), <c>.pdf</c> through its text layer (paragraphs by blank lines), <c>.docx</c> with Word's heading styles as
/// <c>#</c> headings and list paragraphs as <c>-</c> items.
/// </summary>
public static partial class KnowledgeFileReader
{
    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".markdown"] = "text/markdown",
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>Reads the file's text.</summary>
    /// <exception cref="KnowledgeFileException">Too large, unsupported extension, unreadable, empty, or a PDF without a text layer (a scan).</exception>
    public static async Task<(string Text, string MediaType)> ReadAsync(Stream file, string fileName, long length, KnowledgeFileOptions options, CancellationToken ct)
    {
        if (length > options.MaxFileBytes)
            throw new KnowledgeFileException(413, KnowledgeFileException.TooLarge, $"The file is larger than the {options.MaxFileBytes / (1024 * 1024.0):0.#} MB limit.");
        var extension = Path.GetExtension(fileName);
        if (!MediaTypes.TryGetValue(extension, out var mediaType))
            throw new KnowledgeFileException(415, KnowledgeFileException.UnsupportedType, $"'{extension}' files are not supported; upload .txt, .md, .pdf or .docx.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > options.MaxFileBytes)
            throw new KnowledgeFileException(413, KnowledgeFileException.TooLarge, $"The file is larger than the {options.MaxFileBytes / (1024 * 1024.0):0.#} MB limit.");
        buffer.Position = 0;
        string text;
        try
        {
            text = extension.ToLowerInvariant() switch
            {
                ".pdf" => Pdf(buffer.ToArray()),
                ".docx" => Docx(buffer),
                _ => PlainText(buffer.ToArray()),
            };
        }
        catch (KnowledgeFileException) { throw; }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new KnowledgeFileException(422, KnowledgeFileException.Unreadable, $"The file could not be read as {extension}: {e.Message}");
        }
        text = text.Trim();
        if (text.Length == 0) throw new KnowledgeFileException(422, KnowledgeFileException.Empty, "The file contains no text.");
        if (text.Length > options.MaxContentChars)
            throw new KnowledgeFileException(413, KnowledgeFileException.TooLarge, $"The file's text is longer than {options.MaxContentChars:N0} characters.");
        return (text, mediaType);
    }

    private static string PlainText(byte[] bytes)
    {
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException)
        {
            // Windows-1252 is what Notepad and Excel in Brazil save when not UTF-8; Latin-1 decodes its letters alike.
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static string Pdf(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var pages = new List<string>();
        foreach (var page in document.GetPages())
        {
            var text = ContentOrderTextExtractor.GetText(page, true);
            // Lines wrapped inside a paragraph are joined; a blank line still ends the paragraph.
            pages.Add(WrappedLine().Replace(text.Replace("\r\n", "\n"), " ").Trim());
        }
        if (pages.All(p => !p.Any(char.IsLetter)))
            throw new KnowledgeFileException(422, KnowledgeFileException.NoTextLayer,
                "This PDF has no text layer (it looks like a scanned image). Export it with text, or run OCR on it first, and upload it again.");
        return string.Join("\n\n", pages.Where(p => p.Length > 0));
    }

    private static string Docx(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new KnowledgeFileException(422, KnowledgeFileException.Unreadable, "The .docx has no document body.");
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            var line = paragraph.InnerText.Trim();
            if (line.Length == 0) continue;
            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
            var level = HeadingLevel(style) ?? (int?)paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value + 1;
            if (level is { } l and >= 1 and <= 6) text.Append('\n').Append(new string('#', l)).Append(' ').Append(line).Append("\n\n");
            else if (paragraph.ParagraphProperties?.NumberingProperties is not null || style.StartsWith("List", StringComparison.OrdinalIgnoreCase)) text.Append("- ").Append(line).Append('\n');
            else text.Append(line).Append("\n\n");
        }
        return text.ToString();
    }

    /// <summary>Word's heading styles: <c>Heading1</c>… (English), <c>Ttulo1</c>… (Portuguese Word's ids), <c>Title</c>.</summary>
    private static int? HeadingLevel(string style)
    {
        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase) || style.Equals("Ttulo", StringComparison.OrdinalIgnoreCase)) return 1;
        var match = HeadingStyle().Match(style);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(?:Heading|Ttulo|Titulo|Título)\s?([1-6])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    [GeneratedRegex(@"(?<=\S)[ \t]*\n(?=[ \t]*\S)")]
    private static partial Regex WrappedLine();
}
