using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SalesCrm.Core.Tests.Knowledge;

/// <summary>PDF and DOCX files generated in the test (shared with SalesCrm.Web.Tests as a linked file) (PdfPig writes PDFs; the Open XML SDK writes .docx).</summary>
public static class KnowledgeTestFiles
{
    /// <summary>One paragraph per line (up to about 85 characters), as many A4 pages as they need.</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        var y = 800.0;
        foreach (var line in lines)
        {
            if (y < 40)
            {
                page = builder.AddPage(595, 842);
                y = 800.0;
            }
            page.AddText(line, 12, new PdfPoint(40, y), font);
            y -= 40; // a blank line's gap: a new paragraph
        }
        return builder.Build();
    }

    /// <summary>A page with only a drawing and no text, as a scan's image would be.</summary>
    public static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.DrawRectangle(new PdfPoint(40, 40), 500, 700, 2, fill: true);
        return builder.Build();
    }

    public static byte[] Docx(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p =>
            {
                var paragraph = new Paragraph(new Run(new Text(p.Text)));
                if (p.Style is not null) paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = p.Style }));
                return paragraph;
            })));
        }
        return stream.ToArray();
    }
}
