using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Indicators.Services;

/// <summary>One line of the open data: an indicator over a period for a département (fields of the Table Schema).</summary>
internal sealed record OpenIndicatorRow(
    string Departement,
    string DepartementNom,
    string Region,
    string Indicateur,
    string Libelle,
    int Thematique,
    string Nature,
    string Unite,
    string Periode,
    decimal? Valeur,
    int Contributeurs,
    decimal? CibleDepartementale,
    bool Secret);

internal sealed record OpenIndicatorFilter(string? Departement, string? Region, int? Theme, string? Indicateur, string? Periode, int Page = 1, int PageSize = OpenIndicators.PageSize);

internal sealed record OpenIndicatorPage(int Total, int Page, int PageCount, IReadOnlyList<OpenIndicatorRow> Rows);

/// <summary>
/// The consolidated indicators per département and period for everyone (public page, CSV, JSON, API). Only
/// validated values; a figure built from fewer than <see cref="MinimumContributors"/> contributors is withheld
/// (« secret statistique »), so that no company's own figure can be read.
/// </summary>
internal sealed class OpenIndicators(IndicatorsDbContext db, IReferentialsQuery referentials)
{
    public const int PageSize = 50;

    public const int MaxPageSize = 500;

    public const int MinimumContributors = 3;

    public static readonly IReadOnlyList<string> Fields = ["departement", "departement_nom", "region", "indicateur", "libelle", "thematique", "nature", "unite", "periode", "valeur", "contributeurs", "cible_departementale"];

    public static string Nature(IndicatorKind kind) => kind switch
    {
        IndicatorKind.NationalTarget => "cible_nationale",
        IndicatorKind.Intention => "intention",
        _ => "resultat",
    };

    public async Task<OpenIndicatorPage> SearchAsync(OpenIndicatorFilter filter, CancellationToken cancellationToken)
    {
        var definitions = await db.Definitions.AsNoTracking().Include(d => d.DepartementTargets).ToDictionaryAsync(d => d.Id, cancellationToken);
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var query = db.Aggregates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Departement))
        {
            var code = filter.Departement.Trim().ToUpperInvariant();
            query = query.Where(a => a.DepartementCode == code);
        }
        else if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var codes = departements.Where(d => d.RegionCode == filter.Region.Trim()).Select(d => d.Code).ToList();
            query = query.Where(a => codes.Contains(a.DepartementCode));
        }

        if (filter.Theme is not null || !string.IsNullOrWhiteSpace(filter.Indicateur))
        {
            var ids = definitions.Values
                .Where(d => (filter.Theme is null || d.ThemeNumero == filter.Theme) && (string.IsNullOrWhiteSpace(filter.Indicateur) || d.Code == filter.Indicateur.Trim().ToUpperInvariant()))
                .Select(d => d.Id)
                .ToList();
            query = query.Where(a => ids.Contains(a.DefinitionId));
        }

        if (!string.IsNullOrWhiteSpace(filter.Periode))
        {
            var period = filter.Periode.Trim().ToUpperInvariant();
            query = query.Where(a => a.Period == period || a.Period.StartsWith(period + "-"));
        }

        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Of(total, size, filter.Page);
        var rows = await query.OrderBy(a => a.DepartementCode).ThenBy(a => a.Period).ThenBy(a => a.DefinitionId).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var byCode = departements.ToDictionary(d => d.Code);
        return new OpenIndicatorPage(total, paging.Page, paging.PageCount, [.. rows.Where(a => definitions.ContainsKey(a.DefinitionId)).Select(a =>
        {
            var d = definitions[a.DefinitionId];
            var departement = byCode.GetValueOrDefault(a.DepartementCode);
            var secret = a.Contributors < MinimumContributors;
            return new OpenIndicatorRow(
                a.DepartementCode, departement?.Nom ?? "", departement?.RegionCode ?? "", d.Code, d.Label, d.ThemeNumero, Nature(d.Kind), d.Unit, a.Period,
                secret ? null : Formats.Normalize(a.Total), a.Contributors, Formats.Normalize(d.DepartementTargets.FirstOrDefault(t => t.DepartementCode == a.DepartementCode)?.Target), secret);
        })]);
    }

    /// <summary>Every consolidated row, page by page (the open-data files).</summary>
    public async Task<List<OpenIndicatorRow>> AllAsync(CancellationToken cancellationToken)
    {
        var rows = new List<OpenIndicatorRow>();
        for (var page = 1; ; page++)
        {
            var result = await SearchAsync(new OpenIndicatorFilter(null, null, null, null, null, page, MaxPageSize), cancellationToken);
            rows.AddRange(result.Rows);
            if (page >= result.PageCount)
            {
                return rows;
            }
        }
    }

    /// <summary>When the last value that counts was validated: the open data changes with validations only.</summary>
    public async Task<DateTimeOffset?> LastValidatedAsync(CancellationToken cancellationToken)
        => await db.Values.MaxAsync(v => v.ValidatedAtUtc, cancellationToken) is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;

    public static JsonSerializerOptions JsonOptions => Plan10000.Portal.Abstractions.OpenData.OpenDataJson.Options;

    /// <summary>The JSON file: the rows as the API shows them (<see cref="OpenIndicatorValue"/>, the Table Schema's field names).</summary>
    public static byte[] ToJsonFile(IEnumerable<OpenIndicatorRow> rows) => JsonSerializer.SerializeToUtf8Bytes(rows.Select(OpenIndicatorValue.From), JsonOptions);

    public static ExportTable ToTable(IEnumerable<OpenIndicatorRow> rows)
        => new("indicateurs", Fields, [.. rows.Select(r => (IReadOnlyList<object?>)[r.Departement, r.DepartementNom, r.Region, r.Indicateur, r.Libelle, r.Thematique, r.Nature, r.Unite, r.Periode, r.Valeur, r.Contributeurs, r.CibleDepartementale])]);
}
