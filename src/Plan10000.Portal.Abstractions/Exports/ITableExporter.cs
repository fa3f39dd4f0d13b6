namespace Plan10000.Portal.Abstractions.Exports;

/// <summary>
/// A table to export: French column headers and rows of plain values (string, numbers, dates, null).
/// Numbers stay numbers in XLSX so a spreadsheet can sum them.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>The one way modules write CSV and XLSX files, so every export follows the same rules.</summary>
public interface ITableExporter
{
    /// <summary>
    /// CSV for French spreadsheet users: UTF-8 with BOM, « ; » separator, decimal comma; a cell starting with = + - @
    /// is escaped so it never runs as a formula. <paramref name="openData"/>: RFC 4180 with « , » and invariant numbers
    /// (for machines), still with the formula escaping.
    /// </summary>
    byte[] ToCsv(ExportTable table, bool openData = false);

    /// <summary>An .xlsx workbook with one sheet, bold headers and typed cells.</summary>
    byte[] ToXlsx(ExportTable table);
}
