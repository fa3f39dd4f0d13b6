using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Portal;

public sealed class TableExporterTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly ExportTable Sample = new("Indicateurs",
        ["Département", "Valeur", "Commentaire"],
        [
            ["Côte-d'Or", 1234.5m, "=HYPERLINK(\"http://x\")"],
            ["Finistère", 12, "texte ; avec « guillemets »"],
        ]);

    [Fact]
    public void Csv_is_french_spreadsheet_ready_and_never_runs_a_formula()
    {
        var bytes = fixture.Factory.Services.GetRequiredService<ITableExporter>().ToCsv(Sample);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Département;Valeur;Commentaire", lines[0]);
        Assert.StartsWith("Côte-d'Or;1234,5;", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.Equal("Finistère;12;\"texte ; avec « guillemets »\"", lines[2]);
    }

    [Fact]
    public void Open_data_csv_uses_commas_and_invariant_numbers()
    {
        var text = Encoding.UTF8.GetString(fixture.Factory.Services.GetRequiredService<ITableExporter>().ToCsv(Sample, openData: true)[3..]);

        Assert.Contains("Côte-d'Or,1234.5,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_reads_back_with_typed_numbers()
    {
        var bytes = fixture.Factory.Services.GetRequiredService<ITableExporter>().ToXlsx(Sample);

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Côte-d'Or", rows[0]["Département"]);
        Assert.Equal(1234.5, Convert.ToDouble(rows[0]["Valeur"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12, Convert.ToDouble(rows[1]["Valeur"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("'=", (string?)rows[0]["Commentaire"], StringComparison.Ordinal);
    }
}
