using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Conventions.Services;

/// <summary>
/// The six-monthly PAQTE report of a département in the circular's order: referent, organisation of the follow-up,
/// signatory companies, partner associations, aggregated results with examples, context of the département.
/// </summary>
internal static class ReportService
{
    public sealed record SignatoryCompany(string Name, DateTime? SignedOn, string Axes);

    public sealed record ResultLine(string Axis, string Indicator, long Target, long Result);

    public sealed record Report(string Code, string DepartementName, string Period, DepartementReport? Typed, IReadOnlyList<SignatoryCompany> Companies, IReadOnlyList<ResultLine> Results);

    public static async Task<Report> BuildAsync(ConventionsDbContext db, ICompaniesQuery companies, IReferentialsQuery referentials, string code, int year, int half, CancellationToken cancellationToken)
    {
        var departement = await referentials.FindDepartementAsync(code, cancellationToken);
        var periodEnd = new DateTime(year, half == 1 ? 7 : 1, 1, 0, 0, 0, DateTimeKind.Utc).AddYears(half == 1 ? 0 : 1);
        var typed = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.DepartementCode == code && r.Year == year && r.Half == half, cancellationToken);
        var paqtes = await db.Conventions.AsNoTracking().Include(c => c.Objectives)
            .Where(c => c.DepartementCode == code && c.Kind == ConventionKind.Paqte && c.Status != ConventionStatus.Draft && c.SignedAtUtc < periodEnd)
            .OrderBy(c => c.PartyName).ToListAsync(cancellationToken);
        var names = (await companies.GetCompaniesAsync([.. paqtes.Where(p => p.CompanyId != null).Select(p => p.CompanyId!.Value)], cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var signatories = paqtes.Select(p => new SignatoryCompany(
            p.CompanyId is { } id && names.TryGetValue(id, out var n) ? n : p.PartyName,
            p.SignedAtUtc?.Date,
            string.Join(", ", p.Objectives.Select(o => o.Axis).Distinct().Order().Select(a => ((int)a).ToString(CultureInfo.InvariantCulture))))).ToList();
        var results = paqtes.SelectMany(p => p.Objectives).Where(o => o.Year == year)
            .GroupBy(o => (o.Axis, o.Indicator))
            .OrderBy(g => g.Key.Axis).ThenBy(g => g.Key.Indicator, StringComparer.Ordinal)
            .Select(g => new ResultLine(ConventionService.AxisLabels[g.Key.Axis], g.Key.Indicator, g.Sum(o => (long)o.Target), g.Sum(o => (long)(o.Result ?? 0))))
            .ToList();
        return new Report(code, departement?.Nom ?? code, $"{(half == 1 ? "1er" : "2d")} semestre {year}", typed, signatories, results);
    }

    /// <summary>One row per item of the report: section, label, value (numbers stay numbers).</summary>
    public static ExportTable ToTable(Report report)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("Période", "Département", $"{report.DepartementName} ({report.Code})"),
            Row("Période", "Semestre", report.Period),
            Row("1. Référent", "Contact", report.Typed?.ReferentContact),
            Row("2. Organisation du suivi", "Organisation", report.Typed?.FollowUpOrganisation),
            Row("2. Organisation du suivi", "Stratégie et obstacles rencontrés", report.Typed?.StrategyAndObstacles),
            Row("3. Entreprises signataires", "Nombre", report.Companies.Count),
        };
        rows.AddRange(report.Companies.Select(c => Row("3. Entreprises signataires", c.Name, $"signé le {ConventionService.Date(c.SignedOn)} ; axes {c.Axes}")));
        rows.Add(Row("4. Associations partenaires", "Associations", report.Typed?.PartnerAssociations));
        foreach (var r in report.Results)
        {
            rows.Add(Row("5. Résultats — " + r.Axis, r.Indicator + " (objectif)", r.Target));
            rows.Add(Row("5. Résultats — " + r.Axis, r.Indicator + " (réalisé)", r.Result));
        }

        rows.Add(Row("5. Exemples concrets", "Exemples", report.Typed?.Examples));
        rows.Add(Row("6. Contexte du département", "Nombre de QPV", report.Typed?.QpvCount));
        rows.Add(Row("6. Contexte du département", "PRU d’intérêt national", report.Typed?.PruCount));
        rows.Add(Row("6. Contexte du département", "Population des QPV", report.Typed?.QpvPopulation));
        rows.Add(Row("6. Contexte du département", "DEFM résidant en QPV", report.Typed?.DefmInQpv));
        return new ExportTable("Bilan PAQTE", ["Rubrique", "Libellé", "Valeur"], rows);
    }

    private static IReadOnlyList<object?> Row(string section, string label, object? value) => [section, label, value];
}
