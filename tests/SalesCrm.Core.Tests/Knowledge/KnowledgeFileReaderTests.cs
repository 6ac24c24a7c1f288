using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeFileReaderTests
{
    private static readonly KnowledgeFileOptions Options = new();

    private static Task<(string Text, string MediaType)> ReadAsync(byte[] bytes, string name, KnowledgeFileOptions? options = null) =>
        KnowledgeFileReader.ReadAsync(new MemoryStream(bytes), name, bytes.Length, options ?? Options, CancellationToken.None);

    [Fact]
    public async Task Text_is_read_from_a_generated_pdf()
    {
        var (text, mediaType) = await ReadAsync(KnowledgeTestFiles.Pdf("Objecao de preco", "Mostre o valor antes do preco."), "playbook.pdf");
        Assert.Equal("application/pdf", mediaType);
        Assert.Contains("Objecao de preco", text);
        Assert.Contains("Mostre o valor antes do preco.", text);
    }

    [Fact]
    public async Task A_pdf_without_a_text_layer_is_refused_saying_so()
    {
        var error = await Assert.ThrowsAsync<KnowledgeFileException>(() => ReadAsync(KnowledgeTestFiles.ScannedPdf(), "scan.pdf"));
        Assert.Equal(KnowledgeFileException.NoTextLayer, error.Code);
        Assert.Equal(422, error.Status);
        Assert.Contains("no text layer", error.Message);
    }

    [Fact]
    public async Task Docx_heading_styles_become_headings_the_chunker_follows()
    {
        var (text, _) = await ReadAsync(KnowledgeTestFiles.Docx(("Heading1", "Objeções"), (null, "Texto geral."), ("Heading2", "Está caro"), (null, "Mostre o valor.")), "p.docx");
        var chunks = KnowledgeChunker.Split(text, new KnowledgeChunkerOptions());
        Assert.Contains(chunks, c => c.HeadingPath.SequenceEqual(["Objeções", "Está caro"]) && c.Text == "Mostre o valor.");
    }

    [Fact]
    public async Task Unsupported_types_and_large_files_are_refused_with_their_codes()
    {
        var type = await Assert.ThrowsAsync<KnowledgeFileException>(() => ReadAsync([1, 2, 3], "planilha.xlsx"));
        Assert.Equal((415, KnowledgeFileException.UnsupportedType), (type.Status, type.Code));
        var size = await Assert.ThrowsAsync<KnowledgeFileException>(() => ReadAsync(new byte[4096], "big.txt", new KnowledgeFileOptions { MaxFileBytes = 1024 }));
        Assert.Equal((413, KnowledgeFileException.TooLarge), (size.Status, size.Code));
        var broken = await Assert.ThrowsAsync<KnowledgeFileException>(() => ReadAsync("not a pdf"u8.ToArray(), "x.pdf"));
        Assert.Equal((422, KnowledgeFileException.Unreadable), (broken.Status, broken.Code));
    }

    [Fact]
    public async Task Latin1_text_files_are_read_too()
    {
        var (text, _) = await ReadAsync(System.Text.Encoding.Latin1.GetBytes("Preço à vista"), "a.txt");
        Assert.Equal("Preço à vista", text);
    }
}
