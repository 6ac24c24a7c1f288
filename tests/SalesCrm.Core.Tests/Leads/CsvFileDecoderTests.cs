using System.Text;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Tests.Leads;

public class CsvFileDecoderTests
{
    private const string Csv = "name;phone;value\r\nJoão Conceição;(11) 98765-4321;R$ 1.500,00\r\n";

    private static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    [Fact]
    public void An_excel_pt_BR_file_in_windows_1252_keeps_its_accents_and_semicolons()
    {
        var file = CsvFileDecoder.Decode(Windows1252(Csv));
        Assert.Equal("Windows-1252", file.Encoding);
        Assert.Equal(';', file.Delimiter);
        Assert.Contains("João Conceição", file.Text);
    }

    [Theory]
    [InlineData(0x81)]
    [InlineData(0x8D)]
    [InlineData(0x8F)]
    [InlineData(0x90)]
    [InlineData(0x9D)]
    public void A_byte_windows_1252_leaves_undefined_refuses_the_file_naming_it_instead_of_storing_a_control_character(int undefined)
    {
        byte[] bytes = [.. Windows1252("name;phone\nJoão"), (byte)undefined, .. Windows1252(";(11) 98765-4321\n")];
        var error = Assert.Throws<SalesCrm.Core.Common.ValidationException>(() => CsvFileDecoder.Decode(bytes));
        Assert.Equal($"is not valid Windows-1252 (byte 0x{undefined:X2} at position 15, line 2, is undefined in it). Save it as \"CSV UTF-8\" and upload it again.", error.Errors["file"].Single());
    }

    [Theory]
    [InlineData("sep=;\r\nname;notes\r\nAna;a, b\r\n", ';')]
    [InlineData("sep=,\nname,notes\nAna,\"a; b; c\"\n", ',')]
    [InlineData("\"sep=;\"\nname,x;notes\n", ';')]
    [InlineData("SEP=\t\nname\tnotes\n", '\t')]
    public void Excels_sep_line_names_the_delimiter_and_is_not_the_header(string text, char delimiter)
    {
        var file = CsvFileDecoder.Decode(Encoding.UTF8.GetBytes(text));
        Assert.Equal((delimiter, true), (file.Delimiter, file.SeparatorLine));
        Assert.Equal(["name", "notes"], LeadImportService.ReadHeaders(Encoding.UTF8.GetBytes(text)).Take(2).Select(h => h.Replace("name,x", "name")));
    }

    [Theory]
    [InlineData("name;sep\nAna;x\n")]
    [InlineData("sep=;;\nname\n")]
    [InlineData("separador;nome\n")]
    public void A_first_line_that_only_looks_like_a_sep_hint_is_the_header(string text) =>
        Assert.False(CsvFileDecoder.Decode(Encoding.UTF8.GetBytes(text)).SeparatorLine);

    [Fact]
    public void A_file_mixing_utf8_and_windows_1252_rows_is_refused_naming_both_lines()
    {
        // Rows pasted together from two exports: read as Windows-1252 the first name would become "Mixed JoÃ£o".
        byte[] bytes = [.. Encoding.UTF8.GetBytes("name;phone\nMixed João;(11) 91111-2222\n"), .. Windows1252("Mixed Conceição;(11) 92222-3333\n")];
        var error = Assert.Throws<SalesCrm.Core.Common.ValidationException>(() => CsvFileDecoder.Decode(bytes));
        var message = string.Join(" ", error.Errors["file"]);
        Assert.Contains("line 2 is UTF-8", message);
        Assert.Contains("line 3 is not", message);
    }

    [Fact]
    public void A_windows_1252_file_with_accents_next_to_each_other_is_still_windows_1252()
    {
        var file = CsvFileDecoder.Decode(Windows1252("name\nAçaí Ñandú Érica Ôlá\n"));
        Assert.Equal("Windows-1252", file.Encoding);
        Assert.Contains("Açaí Ñandú Érica Ôlá", file.Text);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_is_read_without_the_mark()
    {
        var file = CsvFileDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)]);
        Assert.Equal("UTF-8 (BOM)", file.Encoding);
        Assert.StartsWith("name;", file.Text);
        Assert.Contains("João Conceição", file.Text);
    }

    [Fact]
    public void A_utf8_file_without_a_byte_order_mark_is_utf8()
    {
        var file = CsvFileDecoder.Decode(Encoding.UTF8.GetBytes(Csv.Replace(';', ',').Replace("R$ 1.500,00", "\"R$ 1.500,00\"")));
        Assert.Equal("UTF-8", file.Encoding);
        Assert.Equal(',', file.Delimiter);
        Assert.Contains("João Conceição", file.Text);
    }

    [Fact]
    public void A_utf16_file_from_excel_unicode_text_is_read_with_tabs()
    {
        var file = CsvFileDecoder.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Csv.Replace(';', '\t'))).ToArray());
        Assert.Equal("UTF-16", file.Encoding);
        Assert.Equal('\t', file.Delimiter);
        Assert.Contains("João Conceição", file.Text);
    }

    [Fact]
    public void A_file_already_holding_replacement_characters_is_refused_naming_the_encoding()
    {
        var e = Assert.Throws<ValidationException>(() => CsvFileDecoder.Decode(Encoding.UTF8.GetBytes("name\r\nJo\uFFFDo Concei\uFFFD\uFFFDo\r\n")));
        Assert.Contains("UTF-8", e.Errors["file"][0]);
    }

    [Fact]
    public void A_bom_marked_utf8_file_with_invalid_bytes_is_refused_naming_the_encoding()
    {
        var e = Assert.Throws<ValidationException>(() => CsvFileDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Windows1252(Csv)]));
        Assert.Contains("not valid UTF-8", e.Errors["file"][0]);
    }

    [Fact]
    public void A_binary_or_utf16_file_without_a_mark_is_refused()
    {
        var e = Assert.Throws<ValidationException>(() => CsvFileDecoder.Decode(Encoding.Unicode.GetBytes(Csv)));
        Assert.Contains("NUL", e.Errors["file"][0]);
    }

    [Theory]
    [InlineData("name;email\r\nA, B;a@b.c", ';')]
    [InlineData("name,email,notes;x\r\n", ',')]
    [InlineData("\"name;x\",email\r\n", ',')]
    [InlineData("name\r\nAna", ',')]
    public void The_delimiter_is_the_most_frequent_separator_on_the_header_line(string text, char delimiter) =>
        Assert.Equal(delimiter, CsvFileDecoder.DetectDelimiter(text));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+5511987654321", "'+5511987654321")]
    [InlineData("-10", "'-10")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Ana", "Ana")]
    [InlineData("", "")]
    public void Export_cells_that_a_spreadsheet_would_run_are_neutralised_and_import_restores_them(string stored, string exported)
    {
        Assert.Equal(exported, CsvFormulaGuard.Neutralise(stored));
        Assert.Equal(stored, CsvFormulaGuard.Restore(exported));
    }

    [Fact]
    public void A_quote_not_followed_by_a_formula_character_is_kept_on_import() =>
        Assert.Equal("'Ana'", CsvFormulaGuard.Restore("'Ana'"));
}
