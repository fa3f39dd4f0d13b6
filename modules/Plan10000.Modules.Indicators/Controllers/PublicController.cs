using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Modules.Indicators.ViewModels;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.OpenData;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Indicators.Controllers;

/// <summary>
/// Public progress and open data: consolidated validated figures per département, theme and period; never a company's
/// own figure (see <see cref="OpenIndicators.MinimumContributors"/>). /tableau-de-bord stays with the Companies module.
/// </summary>
[Area("Indicators")]
public sealed class PublicController(IReferentialsQuery referentials, ITableExporter exporter, TimeProvider clock) : Controller
{
    private OpenIndicators Open => HttpContext.RequestServices.GetRequiredService<OpenIndicators>();

    private DashboardQuery Dashboards => HttpContext.RequestServices.GetRequiredService<DashboardQuery>();

    [HttpGet("tableau-de-bord/indicateurs")]
    public async Task<IActionResult> Index(string? departement, string? theme, string? periode, CancellationToken cancellationToken)
    {
        int? themeNumber = int.TryParse(theme, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        var period = Periods.IsValid(periode) ? periode : null;
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var code = departements.FirstOrDefault(d => d.Code == departement?.Trim().ToUpperInvariant())?.Code;
        var national = (await Dashboards.GetAsync(DashboardLevel.National, null, themeNumber, period, cancellationToken))!;
        var rows = (await Open.SearchAsync(new OpenIndicatorFilter(code, null, themeNumber, null, period, 1, OpenIndicators.MaxPageSize), cancellationToken)).Rows;
        var table = new TableModel(
            code is null ? "Indicateurs par département (500 premières lignes ; fichiers complets en données ouvertes)" : "Indicateurs du département",
            ["Département", "Indicateur", "Période", "Valeur", "Contributeurs"],
            [.. rows.Select(r => (IReadOnlyList<string>)[$"{r.DepartementNom} ({r.Departement})", r.Libelle, Periods.Label(r.Periode), r.Secret ? "secret statistique" : Formats.Number(r.Valeur) + " " + r.Unite, r.Contributeurs.ToString(CultureInfo.InvariantCulture)])]);
        var themes = await referentials.GetThemesAsync(cancellationToken);
        return View(new PublicIndicatorsViewModel(
            new DashboardFilter(themeNumber?.ToString(CultureInfo.InvariantCulture), period),
            code,
            [.. departements.Select(d => new KeyValuePair<string, string>(d.Code, $"{d.Code} – {d.Nom}"))],
            [.. themes.Select(x => new KeyValuePair<string, string>(x.Numero.ToString(CultureInfo.InvariantCulture), $"{x.Numero}. {x.Libelle}"))],
            DashboardController.PeriodOptions(clock.GetUtcNow().Year, quartersOnly: false),
            [.. national.Figures.Where(f => f.Contributors >= OpenIndicators.MinimumContributors)],
            table,
            code is null ? "France entière" : departements.First(d => d.Code == code).Nom));
    }

    [HttpGet("donnees/indicateurs.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
        => File(exporter.ToCsv(OpenIndicators.ToTable(await Open.AllAsync(cancellationToken)), openData: true), "text/csv; charset=utf-8", "indicateurs.csv");

    [HttpGet("donnees/indicateurs.json")]
    public async Task<IActionResult> JsonFile(CancellationToken cancellationToken)
        => File(OpenIndicators.ToJsonFile(await Open.AllAsync(cancellationToken)), "application/json; charset=utf-8", "indicateurs.json");

    [HttpGet("donnees/indicateurs.schema.json")]
    public IActionResult Schema() => File(TableSchemaDocument.Open(typeof(PublicController).Assembly, IndicatorsOpenData.SchemaResource), TableSchemaDocument.ContentType);

    /// <summary>The indicators had a hand-written document of their own; the portal's generated one now describes every API.</summary>
    [HttpGet("openapi/indicateurs/v1.json")]
    public IActionResult OpenApi() => RedirectPermanent("/openapi/v1.json");

    private FileStreamResult Embedded(string name)
    {
        var stream = typeof(PublicController).Assembly.GetManifestResourceStream("Plan10000.Modules.Indicators.OpenApi." + name)
            ?? throw new InvalidOperationException("Fichier absent du module : " + name);
        return File(stream, "application/json; charset=utf-8");
    }
}
