using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Queries.Clubs;

namespace Plan10000.Modules.Companies.Services;

internal sealed record ActiveCompany(Guid Id, string Name, string Slug, string DepartementCode, int Commitments, int Results, bool InClub, int Score);

/// <summary>
/// « Entreprises les plus actives »: a score of what a listed company does in the programme, from one query whatever
/// the number of companies and one batched call to the Clubs module.
/// Only published commitments count, so the score never reveals a fiche navette kept private.
/// </summary>
internal sealed class ActivityRanking(
    ShowcaseQuery showcase,
    IEnumerable<IClubsQuery> clubs,
    IMemoryCache cache,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<ActivityRanking> logger)
{
    /// <summary>The showcase shows the ranking kept for a minute: it reads every listed company, the page itself only 20.</summary>
    public static readonly TimeSpan ShowcaseCacheDuration = TimeSpan.FromMinutes(1);

    public const int CommitmentPoints = 1;
    public const int ResultPoints = 2;
    public const int ClubPoints = 3;

    public const string Explanation =
        "Le score d’activité additionne 1 point par engagement publié, 2 points par engagement dont le résultat a été déclaré "
        + "et 3 points pour la participation au club d’entreprises du département. À score égal, l’ordre est alphabétique.";

    /// <summary>
    /// The ranking at most a minute old, never computed on a visitor's time once known: a stale ranking is served while
    /// one refresh runs in its own scope (at 10,000 companies the computation takes seconds, and every visitor of the
    /// minute's first second used to wait for it, each running it again). Visitors arriving before the first answer
    /// share the one computation in progress.
    /// </summary>
    public async Task<IReadOnlyList<ActiveCompany>> CachedTopAsync(string? departementCode, int count, CancellationToken cancellationToken)
    {
        var key = ("Companies.MostActive", departementCode ?? "", count);
        var slot = cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return new RankingSlot(ComputeInOwnScopeAsync(departementCode, count), clock.GetUtcNow());
        })!;
        if (clock.GetUtcNow() - slot.ComputedAt > ShowcaseCacheDuration && slot.TryStartRefresh())
        {
            _ = RefreshAsync(slot, departementCode, count);
        }

        try
        {
            return await slot.Current.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            cache.Remove(key);
            throw;
        }
    }

    private async Task RefreshAsync(RankingSlot slot, string? departementCode, int count)
    {
        try
        {
            var next = ComputeInOwnScopeAsync(departementCode, count);
            await next;
            slot.Replace(next, clock.GetUtcNow());
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Le classement des entreprises les plus actives n’a pas pu être recalculé ; l’ancien reste affiché.");
            slot.EndRefresh();
        }
    }

    private async Task<IReadOnlyList<ActiveCompany>> ComputeInOwnScopeAsync(string? departementCode, int count)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ActivityRanking>().TopAsync(departementCode, count, CancellationToken.None);
    }

    private sealed class RankingSlot(Task<IReadOnlyList<ActiveCompany>> current, DateTimeOffset computedAt)
    {
        private int _refreshing;

        public Task<IReadOnlyList<ActiveCompany>> Current { get; private set; } = current;

        public DateTimeOffset ComputedAt { get; private set; } = computedAt;

        public bool TryStartRefresh() => Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0;

        public void Replace(Task<IReadOnlyList<ActiveCompany>> next, DateTimeOffset at)
        {
            (Current, ComputedAt) = (next, at);
            EndRefresh();
        }

        public void EndRefresh() => Volatile.Write(ref _refreshing, 0);
    }

    /// <summary>
    /// One row per listed company, scored here: the membership of a club comes from another module as a list of ids, and
    /// testing each row against that list in SQL (<c>= ANY</c> of 10,000 ids, three times a row) took a second on
    /// PostgreSQL at 10,000 companies, where reading the rows takes tens of milliseconds.
    /// </summary>
    public async Task<IReadOnlyList<ActiveCompany>> TopAsync(string? departementCode, int count, CancellationToken cancellationToken)
    {
        var listed = showcase.Listed();
        if (!string.IsNullOrWhiteSpace(departementCode))
        {
            listed = listed.Where(c => c.DepartementCode == departementCode);
        }

        var rows = await listed
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Slug,
                c.DepartementCode,
                Published = c.Consents.Any(x => x.Item == PublicationItems.Commitments && x.Granted),
                Commitments = c.Commitments.Count(),
                Results = c.Commitments.Count(m => m.ResultReportedAt != null),
            })
            .ToListAsync(cancellationToken);
        var members = clubs.FirstOrDefault() is { } clubsQuery && rows.Count > 0
            ? (await clubsQuery.GetClubOfCompaniesAsync([.. rows.Select(r => r.Id)], cancellationToken)).Keys.ToHashSet()
            : [];

        return [.. rows
            .Select(r =>
            {
                var (commitments, results) = r.Published ? (r.Commitments, r.Results) : (0, 0);
                var inClub = members.Contains(r.Id);
                var score = (commitments * CommitmentPoints) + (results * ResultPoints) + (inClub ? ClubPoints : 0);
                return new ActiveCompany(r.Id, r.Name, r.Slug, r.DepartementCode, commitments, results, inClub, score);
            })
            .Where(a => a.Score > 0)
            .OrderByDescending(a => a.Score).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Take(Math.Clamp(count, 1, 100))];
    }
}
