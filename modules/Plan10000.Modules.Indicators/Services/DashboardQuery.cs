using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Indicators.Services;

internal enum DashboardLevel
{
    National = 0,
    Region = 1,
    Departement = 2,
    Club = 3,
}

/// <summary>One consolidated figure: an indicator over a period, for the scope of the dashboard.</summary>
internal sealed record IndicatorFigure(
    Guid DefinitionId,
    string Code,
    string Label,
    int ThemeNumero,
    string Theme,
    IndicatorKind Kind,
    string Unit,
    string Period,
    decimal Total,
    int Contributors,
    decimal? Target,
    decimal? Intended)
{
    public decimal? TargetRate => Target is > 0 ? Math.Round(Total * 100 / Target.Value, 1) : null;

    /// <summary>For a result linked to an intention: realised / intended, in per cent.</summary>
    public decimal? RealisedRate => Intended is > 0 ? Math.Round(Total * 100 / Intended.Value, 1) : null;
}

/// <summary>A line of the programme's counters for a sub-unit (région or département) of the dashboard.</summary>
internal sealed record CounterRow(string Code, string Name, int EngagedCompanies, int Target, int DepartementsWithClub, int Departements);

internal sealed record DashboardData(
    DashboardLevel Level,
    string? Code,
    string Title,
    IReadOnlyList<IndicatorFigure> Figures,
    int EngagedCompanies,
    int EngagedTarget,
    int DepartementsWithClub,
    int Departements,
    IReadOnlyList<CounterRow> Breakdown);

/// <summary>
/// Consolidation département → région → nation from the pre-aggregated validated values (a handful of queries,
/// whatever the number of values); the club view sums the validated values of its members directly.
/// </summary>
internal sealed class DashboardQuery(IndicatorsDbContext db, IReferentialsQuery referentials, ICompaniesQuery companies, IClubsQuery clubs)
{
    public const int NationalCompanyTarget = 10_000;

    public const int DepartementCompanyTarget = 100;

    /// <summary>Null when <paramref name="code"/> names no région, département or club.</summary>
    public async Task<DashboardData?> GetAsync(DashboardLevel level, string? code, int? theme, string? period, CancellationToken cancellationToken)
    {
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var regions = await referentials.GetRegionsAsync(cancellationToken);
        IReadOnlyList<DepartementInfo> inScope;
        string title;
        ClubInfo? club = null;
        switch (level)
        {
            case DashboardLevel.National:
                inScope = departements;
                title = "Tableau de bord national";
                break;
            case DashboardLevel.Region:
                var region = regions.FirstOrDefault(r => r.Code == code);
                if (region is null)
                {
                    return null;
                }

                inScope = [.. departements.Where(d => d.RegionCode == region.Code)];
                title = "Tableau de bord régional — " + region.Nom;
                break;
            case DashboardLevel.Departement:
                var departement = departements.FirstOrDefault(d => d.Code == code);
                if (departement is null)
                {
                    return null;
                }

                inScope = [departement];
                title = $"Tableau de bord départemental — {departement.Nom} ({departement.Code})";
                break;
            default:
                club = Guid.TryParse(code, out var clubId) ? await clubs.GetClubAsync(clubId, cancellationToken) : null;
                if (club is null)
                {
                    return null;
                }

                inScope = [.. departements.Where(d => d.Code == club.DepartementCode)];
                title = "Tableau de bord du club — " + club.Name;
                break;
        }

        var definitions = await db.Definitions.AsNoTracking().Include(d => d.DepartementTargets).ToListAsync(cancellationToken);
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var selected = definitions.Where(d => theme is null || d.ThemeNumero == theme).Select(d => d.Id).ToHashSet();
        var codes = inScope.Select(d => d.Code).ToList();
        List<(Guid DefinitionId, string Period, decimal Total, int Contributors)> totals;
        if (club is null)
        {
            var query = db.Aggregates.AsNoTracking();
            if (level != DashboardLevel.National)
            {
                query = query.Where(a => codes.Contains(a.DepartementCode));
            }

            if (!string.IsNullOrEmpty(period))
            {
                query = query.Where(a => a.Period == period || a.Period.StartsWith(period + "-"));
            }

            var rows = await query.Select(a => new { a.DefinitionId, a.Period, a.Total, a.Contributors }).ToListAsync(cancellationToken);
            totals = [.. rows.GroupBy(a => (a.DefinitionId, a.Period)).Select(g => (g.Key.DefinitionId, g.Key.Period, g.Sum(a => a.Total), g.Sum(a => a.Contributors)))];
        }
        else
        {
            var members = (await clubs.GetMemberCompanyIdsAsync(club.Id, cancellationToken)).Append(club.Id).ToList();
            var query = db.Values.AsNoTracking().Where(v => members.Contains(v.SubjectId) && v.SubjectKind != SubjectKind.Departement && v.ValidatedAtUtc != null && v.SupersededById == null);
            if (!string.IsNullOrEmpty(period))
            {
                query = query.Where(v => v.Period == period || v.Period.StartsWith(period + "-"));
            }

            var rows = await query.Select(v => new { v.DefinitionId, v.Period, v.Value }).ToListAsync(cancellationToken);
            totals = [.. rows.GroupBy(v => (v.DefinitionId, v.Period)).Select(g => (g.Key.DefinitionId, g.Key.Period, g.Sum(v => v.Value), g.Count()))];
        }

        var byKey = totals.ToDictionary(t => (t.DefinitionId, t.Period), t => t.Total);
        var byId = definitions.ToDictionary(d => d.Id);
        var figures = totals
            .Where(t => selected.Contains(t.DefinitionId) && byId.ContainsKey(t.DefinitionId))
            .Select(t =>
            {
                var d = byId[t.DefinitionId];
                decimal? intended = d.IntentionId is { } intention ? byKey.GetValueOrDefault((intention, t.Period)) : null;
                return new IndicatorFigure(d.Id, d.Code, d.Label, d.ThemeNumero, themes.GetValueOrDefault(d.ThemeNumero, ""), d.Kind, d.Unit, t.Period, t.Total, t.Contributors, TargetOf(d, level, codes), intended);
            })
            .OrderBy(f => f.ThemeNumero).ThenBy(f => f.Code).ThenBy(f => f.Period, StringComparer.Ordinal)
            .ToList();

        var engaged = await companies.CountApprovedCompaniesByDepartementAsync(cancellationToken);
        var withClub = (await clubs.GetDepartementsWithActiveClubAsync(cancellationToken)).ToHashSet();
        IReadOnlyList<CounterRow> breakdown = level switch
        {
            DashboardLevel.National => [.. regions.Select(r =>
            {
                var ds = departements.Where(d => d.RegionCode == r.Code).ToList();
                return new CounterRow(r.Code, r.Nom, ds.Sum(d => engaged.GetValueOrDefault(d.Code)), ds.Count * DepartementCompanyTarget, ds.Count(d => withClub.Contains(d.Code)), ds.Count);
            })],
            DashboardLevel.Region => [.. inScope.Select(d => new CounterRow(d.Code, d.Nom, engaged.GetValueOrDefault(d.Code), DepartementCompanyTarget, withClub.Contains(d.Code) ? 1 : 0, 1))],
            _ => [],
        };
        return new DashboardData(
            level,
            level == DashboardLevel.National ? null : code,
            title,
            figures,
            inScope.Sum(d => engaged.GetValueOrDefault(d.Code)),
            level == DashboardLevel.National ? NationalCompanyTarget : inScope.Count * DepartementCompanyTarget,
            inScope.Count(d => withClub.Contains(d.Code)),
            inScope.Count,
            breakdown);
    }

    private static decimal? TargetOf(IndicatorDefinition definition, DashboardLevel level, IReadOnlyCollection<string> codes)
    {
        if (level == DashboardLevel.National)
        {
            return definition.NationalTarget;
        }

        var targets = definition.DepartementTargets.Where(t => codes.Contains(t.DepartementCode)).ToList();
        return targets.Count == 0 ? null : targets.Sum(t => t.Target);
    }
}
