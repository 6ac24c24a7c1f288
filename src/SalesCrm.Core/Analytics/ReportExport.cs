using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// A <see cref="CustomReport"/> as a file. CSV as the lead export writes it: UTF-8 with BOM, <c>;</c> and decimal comma for a
/// culture that writes decimals with a comma (pt-BR), else <c>,</c> and a point; text cells guarded against formulas
/// (<see cref="CsvFormulaGuard"/>). XLSX: one sheet "Report", a header row, numbers as numbers (DocumentFormat.OpenXml).
/// </summary>
public static class ReportExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(CustomReport report, string culture)
    {
        var format = CultureInfo.GetCultureInfo(culture);
        var decimalComma = format.NumberFormat.NumberDecimalSeparator == ",";
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = decimalComma ? ";" : "," }))
        {
            foreach (var column in report.Columns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var row in report.Rows)
            {
                foreach (var cell in row)
                    csv.WriteField(cell switch
                    {
                        null => "",
                        string text => CsvFormulaGuard.Neutralise(text),
                        IFormattable number => number.ToString(null, decimalComma ? format : CultureInfo.InvariantCulture),
                        _ => cell.ToString(),
                    });
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(CustomReport report)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(report.Columns.Cast<object?>()));
            foreach (var row in report.Rows) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Report" }));
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
            row.Append(cell switch
            {
                null => new Cell(),
                int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(cell, CultureInfo.InvariantCulture)!) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell.ToString()!)) },
            });
        return row;
    }
}
