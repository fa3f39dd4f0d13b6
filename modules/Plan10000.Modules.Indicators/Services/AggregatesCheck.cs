using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Extensibility;

namespace Plan10000.Modules.Indicators.Services;

internal sealed record AggregateDifference(Guid DefinitionId, string Period, string DepartementCode, decimal StoredTotal, int StoredContributors, decimal Total, int Contributors);

/// <summary>
/// Recomputes every département aggregate from the validated values that are not superseded and compares it with
/// <c>Indicators_Aggregates</c>; with <c>repair</c> it writes the recomputed figures. Région and nation are sums of
/// départements, so checking the départements checks every level. A stored row at zero with no contributor equals no row.
/// </summary>
internal sealed class AggregatesCheck(IndicatorsDbContext db)
{
    public async Task<IReadOnlyList<AggregateDifference>> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        // Sums in C#: SQLite cannot sum decimal columns (ADR 0011).
        var values = await db.Values.AsNoTracking()
            .Where(v => v.ValidatedAtUtc != null && v.SupersededById == null)
            .Select(v => new { v.DefinitionId, v.Period, v.DepartementCode, v.Value })
            .ToListAsync(cancellationToken);
        var expected = values
            .GroupBy(v => (v.DefinitionId, v.Period, v.DepartementCode))
            .ToDictionary(g => g.Key, g => (Total: g.Sum(v => v.Value), Contributors: g.Count()));
        var stored = await db.Aggregates.ToListAsync(cancellationToken);
        var differences = new List<AggregateDifference>();
        foreach (var row in stored)
        {
            var (total, contributors) = expected.GetValueOrDefault((row.DefinitionId, row.Period, row.DepartementCode));
            if (row.Total != total || row.Contributors != contributors)
            {
                differences.Add(new(row.DefinitionId, row.Period, row.DepartementCode, row.Total, row.Contributors, total, contributors));
                row.Total = total;
                row.Contributors = contributors;
            }
        }

        var keys = stored.Select(r => (r.DefinitionId, r.Period, r.DepartementCode)).ToHashSet();
        foreach (var ((definitionId, period, departement), (total, contributors)) in expected.Where(e => !keys.Contains(e.Key)))
        {
            differences.Add(new(definitionId, period, departement, 0, 0, total, contributors));
            db.Aggregates.Add(new DepartementAggregate { DefinitionId = definitionId, Period = period, DepartementCode = departement, Total = total, Contributors = contributors });
        }

        if (repair && differences.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return differences;
    }
}

/// <summary>« indicateurs-verifier [--corriger] »: lists the aggregates that differ from their values; exit code 1 when any does and is not repaired.</summary>
internal sealed class AggregatesCheckCommand(AggregatesCheck check, IndicatorsDbContext db) : IHostCommand
{
    public string Name => "indicateurs-verifier";

    public string Usage => "indicateurs-verifier [--corriger] : recalcule chaque agrégat d'indicateur depuis les valeurs validées et liste les écarts";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var repair = args.Contains("--corriger");
        var differences = await check.RunAsync(repair, cancellationToken);
        var codes = await db.Definitions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        foreach (var d in differences)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{codes.GetValueOrDefault(d.DefinitionId, d.DefinitionId.ToString())} {d.Period} {d.DepartementCode} : enregistré {d.StoredTotal} ({d.StoredContributors}), recalculé {d.Total} ({d.Contributors})"));
        }

        await output.WriteLineAsync(differences.Count == 0
            ? "Agrégats vérifiés : aucun écart."
            : $"{differences.Count} écart(s){(repair ? ", corrigé(s)." : ". Relancer avec --corriger pour les réécrire.")}");
        return differences.Count == 0 || repair ? 0 : 1;
    }
}
