using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Services;

internal sealed record PressCompany(Guid Id, string Name, string Slug, string Size, string Sector, string? City, int Commitments, int Results, bool InClub);

internal sealed record PressTheme(int Numero, string Label, int Commitments, int Companies);

internal sealed record PressClub(string Name, int Members);

internal sealed record PressKitData(
    DepartementInfo Departement, string Region, int Engaged, int Target, IReadOnlyList<PressTheme> Themes, IReadOnlyList<PressClub> Clubs,
    IReadOnlyList<ActiveCompany> MostActive, IReadOnlyList<PressCompany> Companies);

/// <summary>
/// The press kit of a département: its figures and its engaged companies, from listed companies only and with what
/// each one agreed to publish (commitments only when published, the town only when the address is). A fixed number
/// of queries whatever the number of companies.
/// </summary>
internal sealed class PressKit(ShowcaseQuery showcase, ActivityRanking ranking, IReferentialsQuery referentials, IEnumerable<IClubsQuery> clubs, IPortalUrls urls)
{
    public const int MostActiveCount = 10;

    public async Task<PressKitData?> BuildAsync(string code, CancellationToken cancellationToken)
    {
        var departement = await referentials.FindDepartementAsync(code, cancellationToken);
        if (departement is null)
        {
            return null;
        }

        code = departement.Code;
        var listed = showcase.Listed().Where(c => c.DepartementCode == code);
        var rows = await listed
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Slug,
                c.SizeCode,
                c.SectorCode,
                c.City,
                Address = c.Consents.Any(x => x.Item == PublicationItems.Address && x.Granted),
                Published = c.Consents.Any(x => x.Item == PublicationItems.Commitments && x.Granted),
                Commitments = c.Commitments.Count(),
                Results = c.Commitments.Count(m => m.ResultReportedAt != null),
            })
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        // From the département's companies to their commitments (a join led by the companies' index), not the other way
        // round: filtering all 100,000 commitments by an EXISTS on their company made SQLite read every one of them.
        var themes = await listed
            .Where(c => c.Consents.Any(x => x.Item == PublicationItems.Commitments && x.Granted))
            .SelectMany(c => c.Commitments)
            .GroupBy(m => m.ThemeNumero)
            .Select(g => new { Theme = g.Key, Commitments = g.Count(), Companies = g.Select(m => m.CompanyId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        var clubsQuery = clubs.FirstOrDefault();
        var members = clubsQuery is null || rows.Count == 0 ? new Dictionary<Guid, Guid>() : await clubsQuery.GetClubOfCompaniesAsync([.. rows.Select(r => r.Id)], cancellationToken);
        var clubList = clubsQuery is null ? [] : (await clubsQuery.GetClubsAsync(code, cancellationToken)).Where(c => c.Active).ToList();

        var themeLabels = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var sizes = (await referentials.GetTaillesEntrepriseAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        var sectors = (await referentials.GetSecteursAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        var region = (await referentials.GetRegionsAsync(cancellationToken)).FirstOrDefault(r => r.Code == departement.RegionCode)?.Nom ?? departement.RegionCode;
        return new PressKitData(
            departement,
            region,
            rows.Count,
            ShowcaseQuery.DepartementTarget,
            [.. themes.OrderBy(t => t.Theme).Select(t => new PressTheme(t.Theme, themeLabels.GetValueOrDefault(t.Theme, ""), t.Commitments, t.Companies))],
            [.. clubList.Select(c => new PressClub(c.Name, members.Values.Count(v => v == c.Id)))],
            await ranking.TopAsync(code, MostActiveCount, cancellationToken),
            [.. rows.Select(r => new PressCompany(
                r.Id, r.Name, r.Slug, sizes.GetValueOrDefault(r.SizeCode, r.SizeCode), sectors.GetValueOrDefault(r.SectorCode, r.SectorCode),
                r.Address ? r.City : null, r.Published ? r.Commitments : 0, r.Published ? r.Results : 0, members.ContainsKey(r.Id)))]);
    }

    public ExportTable CompaniesTable(PressKitData data) => new(
        "Entreprises " + data.Departement.Code,
        ["Entreprise", "Taille", "Secteur", "Commune", "Engagements publiés", "Résultats déclarés", "Membre du club", "Page de l’entreprise"],
        [.. data.Companies.Select(c => (IReadOnlyList<object?>)[c.Name, c.Size, c.Sector, c.City, c.Commitments, c.Results, c.InClub ? "oui" : "non", urls.Absolute("/entreprises-engagees/" + c.Slug)])]);
}
