using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>The public showcase and the programme's progress. Everything shown passed the company's publication consent.</summary>
[Area("Companies")]
public sealed class ShowcaseController(IReferentialsQuery referentials) : Controller
{
    [HttpGet("entreprises-engagees")]
    public async Task<IActionResult> Index(string? q, string? region, string? departement, string? theme, string? @public, string? taille, string? secteur, int page = 1, CancellationToken cancellationToken = default)
    {
        int? themeNumber = int.TryParse(theme, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        q = q?.Length > 200 ? q[..200] : q;
        var result = await Showcase.SearchAsync(new ShowcaseFilter(q, region, departement, themeNumber, @public, taille, secteur, page), ShowcaseDetail.Themes, cancellationToken);
        var labels = await LabelsAsync(cancellationToken);
        var cards = result.Companies.Select(c => new CardModel(
            c.Name,
            "/entreprises-engagees/" + c.Slug,
            $"{labels.Departements.GetValueOrDefault(c.DepartementCode, c.DepartementCode)} · {labels.Sizes.GetValueOrDefault(c.SizeCode, c.SizeCode)} · {labels.Sectors.GetValueOrDefault(c.SectorCode, c.SectorCode)}",
            c.Publishes(PublicationItems.Commitments) ? $"{c.Commitments.Count} engagement(s)" : null,
            c.Publishes(PublicationItems.Commitments)
                ? [.. c.Commitments.Select(m => m.ThemeNumero).Distinct().Order().Select(n => new TagModel(labels.Themes.GetValueOrDefault(n, n.ToString(CultureInfo.InvariantCulture))))]
                : null)).ToList();

        var query = new Dictionary<string, string?> { ["q"] = q, ["region"] = region, ["departement"] = departement, ["theme"] = theme, ["public"] = @public, ["taille"] = taille, ["secteur"] = secteur };
        var urlFormat = "/entreprises-engagees?" + string.Concat(query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}&")) + "page={0}";
        var departementName = string.IsNullOrWhiteSpace(departement) ? null : labels.Departements.GetValueOrDefault(departement);
        // Highlighted nationally or in the filtered département; other filters narrow the list below, not the ranking, so it is left out then.
        var unfiltered = string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(region) && themeNumber is null && string.IsNullOrWhiteSpace(@public)
            && string.IsNullOrWhiteSpace(taille) && string.IsNullOrWhiteSpace(secteur) && result.Page == 1;
        var active = unfiltered
            ? await HttpContext.RequestServices.GetRequiredService<ActivityRanking>().CachedTopAsync(departementName is null ? null : departement, MostActiveCount, cancellationToken)
            : [];
        return View(new ShowcaseViewModel(q, region, departement, theme, @public, taille, secteur, labels.Options, result.Total, cards, new PaginationModel(result.Page, result.PageCount, urlFormat))
        {
            MostActive = [.. active.Select(a => new ActiveCompanyView(a.Name, "/entreprises-engagees/" + a.Slug, labels.Departements.GetValueOrDefault(a.DepartementCode, a.DepartementCode), a.Score, ActivityDetail(a)))],
            MostActiveScope = departementName is null ? "au niveau national" : $"dans le département {departementName} ({departement})",
            PressKitUrl = departementName is null ? null : "/presse/" + departement,
        });
    }

    private const int MostActiveCount = 5;

    internal static string ActivityDetail(ActiveCompany a)
    {
        var parts = new List<string>
        {
            a.Commitments <= 1 ? $"{a.Commitments} engagement publié" : $"{a.Commitments} engagements publiés",
            a.Results <= 1 ? $"{a.Results} résultat déclaré" : $"{a.Results} résultats déclarés",
        };
        if (a.InClub)
        {
            parts.Add("membre du club du département");
        }

        return string.Join(", ", parts);
    }

    [HttpGet("entreprises-engagees/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var company = await Showcase.FindBySlugAsync(slug, cancellationToken);
        if (company is null)
        {
            return NotFound();
        }

        var labels = await LabelsAsync(cancellationToken);
        var rows = new List<KeyValuePair<string, string>>
        {
            new("Département", $"{labels.Departements.GetValueOrDefault(company.DepartementCode, company.DepartementCode)} ({company.DepartementCode})"),
            new("Taille", labels.Sizes.GetValueOrDefault(company.SizeCode, company.SizeCode)),
            new("Secteur", labels.Sectors.GetValueOrDefault(company.SectorCode, company.SectorCode)),
        };
        if (company.Publishes(PublicationItems.Address))
        {
            rows.Add(new("Adresse", $"{company.Address}, {company.Postcode} {company.City}"));
        }

        if (company.Publishes(PublicationItems.Website) && company.Website is not null)
        {
            rows.Add(new("Site internet", company.Website));
        }

        var published = company.Publishes(PublicationItems.Commitments);
        var commitments = published
            ? company.Commitments.OrderBy(c => c.Position).Select(c => new CompanyCommitmentView(
                labels.Themes.GetValueOrDefault(c.ThemeNumero, ""),
                string.Join(", ", c.Publics.Select(p => labels.Publics.GetValueOrDefault(p, p))),
                c.Description,
                CompanyInput.Intention(c.IntentionQuantity, c.IntentionUnit, c.IntentionYear))).ToList()
            : [];
        var departement = labels.Departements.GetValueOrDefault(company.DepartementCode, company.DepartementCode);
        // Link previews (OpenGraph, Twitter) repeat what the page shows, so they obey the same consents.
        var description = published && commitments.Count > 0
            ? $"{company.Name} ({departement}) s’engage pour l’inclusion dans l’emploi : {commitments.Count} engagement(s) — {string.Join(", ", commitments.Select(c => c.Theme).Where(t => t.Length > 0).Distinct().Take(3))}."
            : $"{company.Name} ({departement}) s’engage pour l’inclusion dans l’emploi avec le programme « La France, une chance. Les entreprises s’engagent ».";
        return View(new CompanyPageViewModel(company.Name, $"Entreprise engagée depuis le {company.DecidedAt ?? company.CreatedAt:dd/MM/yyyy}", rows, commitments, published, description, "/entreprises-engagees/" + company.Slug));
    }

    [HttpGet("tableau-de-bord")]
    public async Task<IActionResult> Progress(CancellationToken cancellationToken)
    {
        var counts = await Showcase.CountByDepartementAsync(cancellationToken);
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var regions = (await referentials.GetRegionsAsync(cancellationToken)).ToDictionary(r => r.Code, r => r.Nom);
        var rows = departements.Select(d =>
        {
            var n = counts.GetValueOrDefault(d.Code);
            return (IReadOnlyList<string>)[
                d.Code, d.Nom, regions.GetValueOrDefault(d.RegionCode, d.RegionCode),
                ProgressWidgets.Format(n),
                $"{Math.Min(100, n * 100 / ShowcaseQuery.DepartementTarget)} %"];
        }).ToList();
        var table = new TableModel(
            $"Entreprises engagées par département (objectif : {ShowcaseQuery.DepartementTarget} par département)",
            ["Code", "Département", "Région", "Entreprises engagées", "Part de l’objectif atteinte"],
            rows);
        var map = HttpContext.RequestServices.GetRequiredService<FranceMap>().Draw(departements, counts, ShowcaseQuery.DepartementTarget);
        return View(new ProgressViewModel(counts.Values.Sum(), ShowcaseQuery.NationalTarget, ShowcaseQuery.DepartementTarget, table, map));
    }

    /// <summary>Resolved per request: the service is internal to the module, so a public controller cannot take it in its constructor.</summary>
    private ShowcaseQuery Showcase => HttpContext.RequestServices.GetRequiredService<ShowcaseQuery>();

    private sealed record Labels(
        ShowcaseFilterOptions Options,
        IReadOnlyDictionary<string, string> Departements,
        IReadOnlyDictionary<int, string> Themes,
        IReadOnlyDictionary<string, string> Publics,
        IReadOnlyDictionary<string, string> Sizes,
        IReadOnlyDictionary<string, string> Sectors);

    private async Task<Labels> LabelsAsync(CancellationToken cancellationToken)
    {
        var regions = await referentials.GetRegionsAsync(cancellationToken);
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var publics = await referentials.GetPublicsAsync(cancellationToken);
        var sizes = await referentials.GetTaillesEntrepriseAsync(cancellationToken);
        var sectors = await referentials.GetSecteursAsync(cancellationToken);
        static IReadOnlyList<KeyValuePair<string, string>> Pairs(IEnumerable<ReferenceItem> items) => [.. items.Select(i => new KeyValuePair<string, string>(i.Code, i.Libelle))];
        return new Labels(
            new ShowcaseFilterOptions(
                [.. regions.Select(r => new KeyValuePair<string, string>(r.Code, r.Nom))],
                [.. departements.Select(d => new KeyValuePair<string, string>(d.Code, $"{d.Code} – {d.Nom}"))],
                [.. themes.Select(t => new KeyValuePair<string, string>(t.Numero.ToString(CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))],
                Pairs(publics),
                Pairs(sizes),
                Pairs(sectors)),
            departements.ToDictionary(d => d.Code, d => d.Nom),
            themes.ToDictionary(t => t.Numero, t => t.Libelle),
            publics.ToDictionary(p => p.Code, p => p.Libelle),
            sizes.ToDictionary(s => s.Code, s => s.Libelle),
            sectors.ToDictionary(s => s.Code, s => s.Libelle));
    }
}
