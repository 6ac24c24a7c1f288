using System.Text;
using SalesCrm.Core.Leads;
using ValidationException = SalesCrm.Core.Common.ValidationException;

namespace SalesCrm.Core.Tests.Leads;

/// <summary>A quote that never closes refuses the file naming its line; quoted values that are whole (Excel notes) read as they are.</summary>
public class CsvRecordReaderTests
{
    private static List<(int Line, string[] Cells)> ReadAll(string text)
    {
        using var reader = CsvRecordReader.Open(CsvFileDecoder.Decode(Encoding.UTF8.GetBytes(text)));
        var records = new List<(int, string[])> { (0, reader.ReadHeader().ToArray()) };
        while (reader.Read()) records.Add((reader.Line, Enumerable.Range(0, reader.Count).Select(i => reader[i]).ToArray()));
        return records;
    }

    private static string Refusal(string text) => Assert.Throws<ValidationException>(() => ReadAll(text)).Errors["file"].Single();

    [Fact]
    public void A_quote_that_never_closes_refuses_the_file_naming_the_line_where_it_opens()
    {
        const string file = "Nome;Telefone;Empresa\r\n\"Ana Aspas;11987652001;Loja\r\nBeto Normal;11987652002;Loja B\r\nCida Normal;11987652003;Loja C\r\n";
        Assert.StartsWith("line 2: a quote opens here and is never closed (\"Ana Aspas;11987652001;Loja)", Refusal(file));
    }

    [Theory]
    [InlineData("Nome;Telefone\r\nAna;1\r\n\"Beto;2\r\nCida;3\r\nTv 5\" tela;4\r\nDani;5\r\n", 3)] // "closed" two lines down by an inch mark
    [InlineData("Nome;Telefone\nAna;1\nBeto;\"2", 3)] // on the last line, with no line after it to swallow
    [InlineData("Nome;Notas\nAna;\"ok\"\"\"\nBeto;  \"nota\n", 3)] // after spaces, which are trimmed
    [InlineData("\"Nome;Telefone\nAna;1\n", 1)] // in the header
    [InlineData("sep=;\r\nNome;Telefone\r\nAna;1\r\n\"Beto;2\r\nCida;3\r\n", 4)] // the file's own line, past Excel's sep= line
    [InlineData("Nome;Notas\r\nAna;\"linha 1\r\nlinha 2\"\r\n\"Beto;2\r\nCida;3\r\n", 4)] // after a multi-line value
    [InlineData("Nome\tNotas\nAna\t\"x\nBeto\tb\n", 2)] // tab-separated
    public void Every_quote_that_swallows_the_lines_after_it_is_refused_with_its_line(string file, int line)
    {
        Assert.StartsWith($"line {line}: a quote opens here and is never closed", Refusal(file));
    }

    [Fact]
    public void Excel_notes_with_line_breaks_and_doubled_quotes_are_read_whole_and_later_rows_keep_their_file_lines()
    {
        const string file = "Nome;Observações;Telefone\r\nAna;\"Ligar de manhã\r\nfalar com \"\"Dona\"\" Maria\";11987652001\r\n\"Beto; Filho\";\"\";11987652002\r\nCida;sem nota;11987652003\r\n";
        var records = ReadAll(file);
        Assert.Equal(["Nome", "Observações", "Telefone"], records[0].Cells);
        Assert.Equal(["Ana", "Ligar de manhã\r\nfalar com \"Dona\" Maria", "11987652001"], records[1].Cells);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["Beto; Filho", "", "11987652002"], records[2].Cells);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(5, records[3].Line);
    }

    [Theory]
    [InlineData("Tv 5\" tela", "Tv 5\" tela")]
    [InlineData("Ana \"Aspas", "Ana \"Aspas")]
    [InlineData("\"Ana\" Silva", "Ana Silva")]
    public void A_stray_quote_within_one_line_swallows_nothing_and_is_read_as_the_reader_reads_it(string cell, string read)
    {
        var records = ReadAll($"Nome;Telefone\n{cell};1\nBeto;2\n");
        Assert.Equal(read, records[1].Cells[0]);
        Assert.Equal(["Beto", "2"], records[2].Cells);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void The_preview_reads_the_whole_file_so_it_refuses_what_the_import_would()
    {
        var file = Encoding.UTF8.GetBytes("Nome;Telefone\nAna;1\n\"Beto;2\nCida;3\n");
        var error = Assert.Throws<ValidationException>(() => LeadImportService.ReadHeaders(file));
        Assert.StartsWith("line 3: a quote opens here and is never closed", error.Errors["file"].Single());
    }
}
