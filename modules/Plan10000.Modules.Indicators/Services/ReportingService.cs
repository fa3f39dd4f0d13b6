using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Indicators;

namespace Plan10000.Modules.Indicators.Services;

/// <summary>
/// Writes values, moves submissions through their states and keeps <see cref="DepartementAggregate"/> right: every
/// value that becomes validated updates the aggregate of its (indicator, period, département) in the same
/// SaveChanges, so the dashboards are never stale.
/// </summary>
internal sealed class ReportingService(IndicatorsDbContext db, TimeProvider clock, IEventPublisher events)
{
    /// <summary>
    /// Serializes the read-modify-write of the aggregates within the process, so two validations touching the same
    /// row cannot lose a difference. Several portal instances would need a concurrency token instead (ADR 0011).
    /// </summary>
    private static readonly SemaphoreSlim AggregateLock = new(1, 1);

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

    private async Task ApplyAndSaveAsync(List<IndicatorValue> rows, CancellationToken cancellationToken)
    {
        await AggregateLock.WaitAsync(cancellationToken);
        try
        {
            await ApplyValidatedAsync(rows, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            AggregateLock.Release();
        }

        if (rows.Count > 0)
        {
            await events.PublishAsync(new IndicatorValuesValidated([.. rows.Select(r => r.DepartementCode).Distinct()], rows.Count), cancellationToken);
        }
    }

    /// <summary>
    /// Marks the rows validated, supersedes the validated rows they replace, and moves the aggregates by the
    /// difference: two queries whatever the number of rows. The caller saves.
    /// </summary>
    private async Task ApplyValidatedAsync(List<IndicatorValue> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var subjects = rows.Select(r => r.SubjectId).Distinct().ToList();
        var definitionIds = rows.Select(r => r.DefinitionId).Distinct().ToList();
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var departements = rows.Select(r => r.DepartementCode).Distinct().ToList();
        var rowIds = rows.Select(r => r.Id).ToList();
        var previous = await db.Values
            .Where(v => subjects.Contains(v.SubjectId) && definitionIds.Contains(v.DefinitionId) && periods.Contains(v.Period) && v.ValidatedAtUtc != null && v.SupersededById == null && !rowIds.Contains(v.Id))
            .ToListAsync(cancellationToken);
        var aggregates = await db.Aggregates
            .Where(a => definitionIds.Contains(a.DefinitionId) && periods.Contains(a.Period) && departements.Contains(a.DepartementCode))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.ValidatedAtUtc = Now;
            var old = previous.FirstOrDefault(v => v.SubjectKind == row.SubjectKind && v.SubjectId == row.SubjectId && v.DefinitionId == row.DefinitionId && v.Period == row.Period && v.DepartementCode == row.DepartementCode && v.SupersededById == null);
            if (old is not null)
            {
                old.SupersededById = row.Id;
            }

            var aggregate = aggregates.FirstOrDefault(a => a.DefinitionId == row.DefinitionId && a.Period == row.Period && a.DepartementCode == row.DepartementCode);
            if (aggregate is null)
            {
                aggregate = new DepartementAggregate { DefinitionId = row.DefinitionId, Period = row.Period, DepartementCode = row.DepartementCode };
                aggregates.Add(aggregate);
                db.Aggregates.Add(aggregate);
            }

            aggregate.Total += row.Value - (old?.Value ?? 0);
            aggregate.Contributors += old is null ? 1 : 0;
        }
    }
}
