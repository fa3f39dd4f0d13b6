using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.OpenData;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>The press kit of a département: a printable page and its CSV, from published information only.</summary>
[Area("Companies")]
[Route("presse/{departement}")]
public sealed class PressController(ITableExporter exporter, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string departement, CancellationToken cancellationToken)
    {
        var data = await Kit.BuildAsync(departement, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var d = data.Departement;
        return View(new PressKitViewModel(
            $"{d.Nom} ({d.Code})",
            data.Region,
            ParisTime.Date(clock.GetUtcNow()),
            [
                new("Entreprises engagées", data.Engaged.ToString("N0", fr)),
                new("Objectif du département", data.Target.ToString("N0", fr)),
                new("Part de l’objectif atteinte", $"{Math.Min(100, data.Engaged * 100 / data.Target)} %"),
                new("Engagements publiés", data.Companies.Sum(c => c.Commitments).ToString("N0", fr)),
                new("Résultats déclarés", data.Companies.Sum(c => c.Results).ToString("N0", fr)),
            ],
            new TableModel("Engagements publiés par thématique", ["Thématique", "Engagements", "Entreprises"],
                [.. data.Themes.Select(t => (IReadOnlyList<string>)[$"{t.Numero}. {t.Label}", t.Commitments.ToString(fr), t.Companies.ToString(fr)])]),
            [.. data.Clubs.Select(c => $"{c.Name} : {c.Members} entreprise{(c.Members > 1 ? "s" : "")} membre{(c.Members > 1 ? "s" : "")}")],
            [.. data.MostActive.Select(a => new ActiveCompanyView(a.Name, "/entreprises-engagees/" + a.Slug, d.Nom, a.Score, ShowcaseController.ActivityDetail(a)))],
            new TableModel("Entreprises engagées du département", ["Entreprise", "Taille", "Secteur", "Commune", "Engagements publiés", "Résultats déclarés", "Club"],
                [.. data.Companies.Select(c => (IReadOnlyList<string>)[c.Name, c.Size, c.Sector, c.City ?? "—", c.Commitments.ToString(fr), c.Results.ToString(fr), c.InClub ? "membre" : "—"])],
                [.. data.Companies.Select(c => "/entreprises-engagees/" + c.Slug)]),
            $"/presse/{d.Code}/entreprises.csv",
            "/entreprises-engagees?departement=" + Uri.EscapeDataString(d.Code)));
    }

    [HttpGet("entreprises.csv")]
    public async Task<IActionResult> Csv(string departement, CancellationToken cancellationToken)
    {
        var data = await Kit.BuildAsync(departement, cancellationToken);
        return data is null
            ? NotFound()
            : File(exporter.ToCsv(Kit.CompaniesTable(data)), "text/csv; charset=utf-8", $"dossier-de-presse-{data.Departement.Code}.csv");
    }

    /// <summary>One schema for every département's file, so it sits beside them under /presse rather than under each code.</summary>
    [HttpGet("~/presse/entreprises.schema.json")]
    public IActionResult Schema() => File(TableSchemaDocument.Open(typeof(PressController).Assembly, OpenData.PressSchemaResource), TableSchemaDocument.ContentType);

    /// <summary>Resolved per request: the service is internal to the module, so a public controller cannot take it in its constructor.</summary>
    private PressKit Kit => HttpContext.RequestServices.GetRequiredService<PressKit>();
}
