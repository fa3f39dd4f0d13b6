using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Queries.Clubs;

namespace Plan10000.Modules.Companies.Services;

internal sealed record ActiveCompany(Guid Id, string Name, string Slug, string DepartementCode, int Commitments, int Results, bool InClub, int Score);

/// <summary>
/// « Entreprises les plus actives »: a score of what a listed company does in the programme, computed by the database
/// in one query whatever the number of companies (plus the listed ids and one batched call to the Clubs module).
/// Only published commitments count, so the score never reveals a fiche navette kept private.
/// </summary>
internal sealed class ActivityRanking(ShowcaseQuery showcase, IEnumerable<IClubsQuery> clubs, IMemoryCache cache)
{
    /// <summary>The showcase shows the ranking kept for a minute: it reads every listed company, the page itself only 20.</summary>
    public static readonly TimeSpan ShowcaseCacheDuration = TimeSpan.FromMinutes(1);

    public const int CommitmentPoints = 1;
    public const int ResultPoints = 2;
    public const int ClubPoints = 3;

    public const string Explanation =
        "Le score d’activité additionne 1 point par engagement publié, 2 points par engagement dont le résultat a été déclaré "
        + "et 3 points pour la participation au club d’entreprises du département. À score égal, l’ordre est alphabétique.";

    public async Task<IReadOnlyList<ActiveCompany>> CachedTopAsync(string? departementCode, int count, CancellationToken cancellationToken)
        => (await cache.GetOrCreateAsync(("Companies.MostActive", departementCode ?? "", count), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ShowcaseCacheDuration;
            return TopAsync(departementCode, count, cancellationToken);
        }))!;

    public async Task<IReadOnlyList<ActiveCompany>> TopAsync(string? departementCode, int count, CancellationToken cancellationToken)
    {
        var listed = showcase.Listed();
        if (!string.IsNullOrWhiteSpace(departementCode))
        {
            listed = listed.Where(c => c.DepartementCode == departementCode);
        }

        var members = new List<Guid>();
        if (clubs.FirstOrDefault() is { } clubsQuery)
        {
            var ids = await listed.Select(c => c.Id).ToListAsync(cancellationToken);
            members = [.. (await clubsQuery.GetClubOfCompaniesAsync(ids, cancellationToken)).Keys];
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
                InClub = members.Contains(c.Id),
            })
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.Slug,
                x.DepartementCode,
                Commitments = x.Published ? x.Commitments : 0,
                Results = x.Published ? x.Results : 0,
                x.InClub,
                Score = (x.Published ? (x.Commitments * CommitmentPoints) + (x.Results * ResultPoints) : 0) + (x.InClub ? ClubPoints : 0),
            })
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Take(Math.Clamp(count, 1, 100))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ActiveCompany(r.Id, r.Name, r.Slug, r.DepartementCode, r.Commitments, r.Results, r.InClub, r.Score))];
    }
}
