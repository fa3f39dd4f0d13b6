using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Plan10000.Portal.Abstractions.Exports;

namespace Plan10000.Portal.Infrastructure.Exports;

internal sealed class TableExporter : ITableExporter
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public byte[] ToCsv(ExportTable table, bool openData = false)
    {
        var culture = openData ? CultureInfo.InvariantCulture : French;
        using var text = new StringWriter(culture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(culture)
        {
            Delimiter = openData ? "," : ";",
            // Anyone can type a name or a comment: a leading = + - @ must not become a spreadsheet formula.
            InjectionOptions = InjectionOptions.Escape,
        }))
        {
            foreach (var header in table.Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Format(cell, culture));
                }

                csv.NextRecord();
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx(ExportTable table)
    {
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                record[table.Headers[i]] = i < row.Count ? Typed(row[i]) : null;
            }

            return record;
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(table.Headers.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: table.SheetName.Length > 31 ? table.SheetName[..31] : table.SheetName, excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { TableStyles = TableStyles.None, AutoFilter = true });
        return stream.ToArray();
    }

    private static string? Format(object? cell, CultureInfo culture) => cell switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, culture),
        _ => cell.ToString(),
    };

    // A text cell starting with a formula sign is kept as text; numbers and dates keep their type.
    private static object? Typed(object? cell) => cell is string s && s.Length > 0 && "=+-@".Contains(s[0], StringComparison.Ordinal) ? "'" + s : cell;
}
