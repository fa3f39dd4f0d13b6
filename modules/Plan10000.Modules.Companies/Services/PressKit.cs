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
        var rows = await RowsAsync(listed, cancellationToken);
        // From the département's companies to their commitments (a join led by the companies' index), not the other way
        // round: filtering all 100,000 commitments by an EXISTS on their company made SQLite read every one of them.
        var themes = await listed
            .Where(c => c.Consents.Any(x => x.Item == PublicationItems.Commitments && x.Granted))
            .SelectMany(c => c.Commitments)
            .GroupBy(m => m.ThemeNumero)
            .Select(g => new { Theme = g.Key, Commitments = g.Count(), Companies = g.Select(m => m.CompanyId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        var clubsQuery = clubs.FirstOrDefault();
        var members = await MembersAsync(rows, cancellationToken);
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
            Companies(rows, members, sizes, sectors));
    }

    public ExportTable CompaniesTable(PressKitData data) => CompaniesTable(data.Departement.Code, data.Companies);

    /// <summary>
    /// The companies' CSV of every département at once (three queries whatever their number), for the open-data
    /// catalogue's sizes: the same rows and the same table as each kit's download.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ExportTable>> AllCompaniesTablesAsync(IEnumerable<string> departementCodes, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(showcase.Listed(), cancellationToken);
        var members = await MembersAsync(rows, cancellationToken);
        var sizes = (await referentials.GetTaillesEntrepriseAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        var sectors = (await referentials.GetSecteursAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        var byDepartement = rows.ToLookup(r => r.Departement);
        return departementCodes.ToDictionary(code => code, code => CompaniesTable(code, Companies([.. byDepartement[code]], members, sizes, sectors)));
    }

    private ExportTable CompaniesTable(string departementCode, IReadOnlyList<PressCompany> companies) => new(
        "Entreprises " + departementCode,
        ["Entreprise", "Taille", "Secteur", "Commune", "Engagements publiés", "Résultats déclarés", "Membre du club", "Page de l’entreprise"],
        [.. companies.Select(c => (IReadOnlyList<object?>)[c.Name, c.Size, c.Sector, c.City, c.Commitments, c.Results, c.InClub ? "oui" : "non", urls.Absolute("/entreprises-engagees/" + c.Slug)])]);

    private sealed record Row(Guid Id, string Departement, string Name, string Slug, string SizeCode, string SectorCode, string? City, bool Address, bool Published, int Commitments, int Results);

    private static Task<List<Row>> RowsAsync(IQueryable<Company> listed, CancellationToken cancellationToken) => listed
        .OrderBy(c => c.Name).ThenBy(c => c.Id)
        .Select(c => new Row(
            c.Id,
            c.DepartementCode,
            c.Name,
            c.Slug,
            c.SizeCode,
            c.SectorCode,
            c.City,
            c.Consents.Any(x => x.Item == PublicationItems.Address && x.Granted),
            c.Consents.Any(x => x.Item == PublicationItems.Commitments && x.Granted),
            c.Commitments.Count(),
            c.Commitments.Count(m => m.ResultReportedAt != null)))
        .ToListAsync(cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, Guid>> MembersAsync(List<Row> rows, CancellationToken cancellationToken)
        => clubs.FirstOrDefault() is { } clubsQuery && rows.Count > 0 ? await clubsQuery.GetClubOfCompaniesAsync([.. rows.Select(r => r.Id)], cancellationToken) : new Dictionary<Guid, Guid>();

    private static List<PressCompany> Companies(List<Row> rows, IReadOnlyDictionary<Guid, Guid> members, Dictionary<string, string> sizes, Dictionary<string, string> sectors) =>
    [
        .. rows.Select(r => new PressCompany(
            r.Id, r.Name, r.Slug, sizes.GetValueOrDefault(r.SizeCode, r.SizeCode), sectors.GetValueOrDefault(r.SectorCode, r.SectorCode),
            r.Address ? r.City : null, r.Published ? r.Commitments : 0, r.Published ? r.Results : 0, members.ContainsKey(r.Id))),
    ];
}
