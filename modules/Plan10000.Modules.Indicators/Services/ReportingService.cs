using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Indicators;

namespace Plan10000.Modules.Indicators.Services;

/// <summary>
/// Writes values, moves submissions through their states and keeps <see cref="DepartementAggregate"/> right: every
/// value that becomes validated updates the aggregate of its (indicator, period, département) in the same
/// transaction, so the dashboards are never stale.
/// </summary>
internal sealed class ReportingService(IndicatorsDbContext db, DbContextOptions<IndicatorsDbContext> options, TimeProvider clock, IEventPublisher events)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Submission> GetOrCreateSubmissionAsync(Campaign campaign, SubjectKind kind, Guid subjectId, string departementCode, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.CampaignId == campaign.Id && s.SubjectKind == kind && s.SubjectId == subjectId, cancellationToken);
        if (submission is null)
        {
            submission = new Submission { CampaignId = campaign.Id, SubjectKind = kind, SubjectId = subjectId, DepartementCode = departementCode, Status = SubmissionStatus.ToDo, CreatedAtUtc = Now, UpdatedAtUtc = Now };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(cancellationToken);
        }

        return submission;
    }

    /// <summary>The values of a subject that are not superseded (the validated ones and pending corrections), in one query.</summary>
    public async Task<IReadOnlyList<IndicatorValue>> CurrentValuesAsync(SubjectKind kind, Guid subjectId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken)
    {
        var list = periods.Distinct().ToList();
        return await db.Values.AsNoTracking()
            .Where(v => v.SubjectKind == kind && v.SubjectId == subjectId && list.Contains(v.Period) && v.SupersededById == null)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records the values of a submission as pending rows (a pending correction supersedes the previous pending row).
    /// When the submission is already validated (a referent's correction), the new rows are validated at once.
    /// </summary>
    public async Task<int> SaveValuesAsync(Submission submission, Campaign campaign, IReadOnlyDictionary<Guid, (decimal Value, Guid? CommitmentId)> values, string source, string authorId, CancellationToken cancellationToken)
    {
        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).ToDictionaryAsync(d => d.Id, cancellationToken);
        var ids = values.Keys.Where(definitions.ContainsKey).ToList();
        var existing = await db.Values
            .Where(v => v.SubjectKind == submission.SubjectKind && v.SubjectId == submission.SubjectId && ids.Contains(v.DefinitionId) && v.SupersededById == null)
            .ToListAsync(cancellationToken);
        var added = new List<IndicatorValue>();
        foreach (var id in ids)
        {
            var (value, commitment) = values[id];
            var period = Periods.For(campaign.Period, definitions[id].Periodicity);
            var same = existing.Where(v => v.DefinitionId == id && v.Period == period).ToList();
            var pending = same.FirstOrDefault(v => v.ValidatedAtUtc is null);
            var latest = pending ?? same.FirstOrDefault();
            if (latest is not null && latest.Value == value && latest.CommitmentId == commitment)
            {
                continue;
            }

            var row = new IndicatorValue
            {
                DefinitionId = id,
                SubjectKind = submission.SubjectKind,
                SubjectId = submission.SubjectId,
                DepartementCode = submission.DepartementCode,
                Period = period,
                Value = value,
                CommitmentId = commitment,
                SubmissionId = submission.Id,
                Source = source,
                AuthorId = authorId,
                RecordedAtUtc = Now,
            };
            if (pending is not null)
            {
                pending.SupersededById = row.Id;
            }

            db.Values.Add(row);
            added.Add(row);
        }

        if (submission.Status == SubmissionStatus.Validated && added.Count > 0)
        {
            await ApplyAndSaveAsync(added, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return added.Count;
    }

    /// <summary>A value entered by a referent for the département itself: validated at once.</summary>
    public async Task RecordDepartementValueAsync(IndicatorDefinition definition, string departementCode, string period, decimal value, string source, string authorId, CancellationToken cancellationToken)
    {
        var row = new IndicatorValue
        {
            DefinitionId = definition.Id,
            SubjectKind = SubjectKind.Departement,
            SubjectId = Guid.Empty,
            DepartementCode = departementCode,
            Period = period,
            Value = value,
            Source = source,
            AuthorId = authorId,
            RecordedAtUtc = Now,
        };
        db.Values.Add(row);
        await ApplyAndSaveAsync([row], cancellationToken);
    }

    public static bool CanMove(SubmissionStatus from, SubmissionStatus to) => (from, to) switch
    {
        (SubmissionStatus.ToDo, SubmissionStatus.Submitted) => true,
        (SubmissionStatus.Submitted, SubmissionStatus.Reviewed) => true,
        (SubmissionStatus.Reviewed, SubmissionStatus.Validated) => true,
        (SubmissionStatus.Submitted or SubmissionStatus.Reviewed, SubmissionStatus.ToDo) => true,
        _ => false,
    };

    /// <summary>Moves the submission and logs the step; validating it validates its pending values and consolidates them.</summary>
    public async Task<bool> MoveAsync(Submission submission, SubmissionStatus to, string userId, string? comment, CancellationToken cancellationToken)
    {
        if (!CanMove(submission.Status, to))
        {
            return false;
        }

        db.Transitions.Add(new SubmissionTransition { SubmissionId = submission.Id, From = submission.Status, To = to, ByUserId = userId, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), AtUtc = Now });
        submission.Status = to;
        submission.UpdatedAtUtc = Now;
        if (to == SubmissionStatus.Validated)
        {
            var pending = await db.Values.Where(v => v.SubmissionId == submission.Id && v.ValidatedAtUtc == null && v.SupersededById == null).ToListAsync(cancellationToken);
            await ApplyAndSaveAsync(pending, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Validates the rows and moves their aggregates in one transaction. Each aggregate moves by an atomic
    /// <c>UPDATE … SET Total = Total + δ</c>, so validations on any number of portal instances add up without a lock
    /// (ADR 0026). Keys are updated in a fixed order so that two transactions cannot deadlock on each other's rows.
    /// </summary>
    private async Task ApplyAndSaveAsync(List<IndicatorValue> rows, CancellationToken cancellationToken)
    {
        var deltas = await ApplyValidatedAsync(rows, cancellationToken);
        if (deltas.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await EnsureAggregateRowsAsync(deltas.Keys, cancellationToken);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var ((definitionId, period, departement), (total, contributors)) in deltas.OrderBy(d => d.Key.DefinitionId).ThenBy(d => d.Key.Period, StringComparer.Ordinal).ThenBy(d => d.Key.Departement, StringComparer.Ordinal))
        {
            await db.Aggregates
                .Where(a => a.DefinitionId == definitionId && a.Period == period && a.DepartementCode == departement)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Total, a => a.Total + total).SetProperty(a => a.Contributors, a => a.Contributors + contributors), cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        await events.PublishAsync(new IndicatorValuesValidated([.. deltas.Keys.Select(k => k.Departement).Distinct()], rows.Count), cancellationToken);
    }

    /// <summary>
    /// Creates the missing aggregate rows (zero) in a context of their own, outside the validation's transaction: a
    /// concurrent instance creating the same row makes the insert fail, which is fine — the row exists either way.
    /// </summary>
    private async Task EnsureAggregateRowsAsync(IEnumerable<AggregateKey> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToList();
        var definitionIds = wanted.Select(k => k.DefinitionId).Distinct().ToList();
        var periods = wanted.Select(k => k.Period).Distinct().ToList();
        var departements = wanted.Select(k => k.Departement).Distinct().ToList();
        var existing = (await db.Aggregates.AsNoTracking()
            .Where(a => definitionIds.Contains(a.DefinitionId) && periods.Contains(a.Period) && departements.Contains(a.DepartementCode))
            .Select(a => new { a.DefinitionId, a.Period, a.DepartementCode })
            .ToListAsync(cancellationToken))
            .Select(a => new AggregateKey(a.DefinitionId, a.Period, a.DepartementCode))
            .ToHashSet();
        foreach (var key in wanted.Where(k => !existing.Contains(k)))
        {
            await using var side = new IndicatorsDbContext(options);
            side.Aggregates.Add(new DepartementAggregate { DefinitionId = key.DefinitionId, Period = key.Period, DepartementCode = key.Departement });
            try
            {
                await side.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance created it between our read and our insert.
            }
        }
    }

    /// <summary>
    /// Marks the rows validated, supersedes the validated rows they replace, and returns how much each aggregate
    /// moves: one query whatever the number of rows. The caller saves and applies the differences.
    /// </summary>
    private async Task<Dictionary<AggregateKey, (decimal Total, int Contributors)>> ApplyValidatedAsync(List<IndicatorValue> rows, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<AggregateKey, (decimal Total, int Contributors)>();
        if (rows.Count == 0)
        {
            return deltas;
        }

        var subjects = rows.Select(r => r.SubjectId).Distinct().ToList();
        var definitionIds = rows.Select(r => r.DefinitionId).Distinct().ToList();
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var rowIds = rows.Select(r => r.Id).ToList();
        var previous = await db.Values
            .Where(v => subjects.Contains(v.SubjectId) && definitionIds.Contains(v.DefinitionId) && periods.Contains(v.Period) && v.ValidatedAtUtc != null && v.SupersededById == null && !rowIds.Contains(v.Id))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.ValidatedAtUtc = Now;
            var old = previous.FirstOrDefault(v => v.SubjectKind == row.SubjectKind && v.SubjectId == row.SubjectId && v.DefinitionId == row.DefinitionId && v.Period == row.Period && v.DepartementCode == row.DepartementCode && v.SupersededById == null);
            if (old is not null)
            {
                old.SupersededById = row.Id;
            }

            var key = new AggregateKey(row.DefinitionId, row.Period, row.DepartementCode);
            var (total, contributors) = deltas.GetValueOrDefault(key);
            deltas[key] = (total + row.Value - (old?.Value ?? 0), contributors + (old is null ? 1 : 0));
        }

        return deltas;
    }

    private readonly record struct AggregateKey(Guid DefinitionId, string Period, string Departement);
}
