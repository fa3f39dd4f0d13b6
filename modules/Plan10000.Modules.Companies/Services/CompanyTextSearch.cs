using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Data;

namespace Plan10000.Modules.Companies.Services;

/// <summary>
/// « Listed companies whose folded search text contains this word », the one rule of the showcase search. SQLite answers
/// it from the FTS5 trigram table of the listed companies that its migrations keep (ADR 0028), PostgreSQL from the trigram
/// index on the column, and counts it from the listed companies' word sets (ADR 0021); both return exactly what
/// <c>IsListed &amp;&amp; SearchText.Contains(word)</c> returns.
/// </summary>
internal static class CompanyTextSearch
{
    /// <summary>The trigram tokenizer matches no substring shorter than three characters.</summary>
    private const int ShortestIndexedWord = 3;

    public static IQueryable<Company> ListedContaining(this IQueryable<Company> query, CompaniesDbContext db, string word)
    {
        if (word.Length < ShortestIndexedWord || db.Database.ProviderName != ProviderNames.Sqlite)
        {
            return query.Where(c => c.IsListed && c.SearchText.Contains(word));
        }

        var ids = db.Database.SqlQuery<Guid>($"""
            SELECT k."Id" AS "Value" FROM "Companies_SearchKeys" AS k
            WHERE k."Key" IN (SELECT rowid FROM "Companies_SearchIndex" WHERE "Companies_SearchIndex" MATCH {Phrases([word])})
            """);
        return query.Where(c => c.IsListed && ids.Contains(Unindexed(c.Id)));
    }

    /// <summary>
    /// The number of listed companies containing every word, read from an index alone: SQLite's FTS5 table (about 1 ms for
    /// a word that half the companies contain, where testing each listed company took 7), PostgreSQL's word sets (an
    /// overlap with the ids of the vocabulary's words that contain it: ~2 ms where the trigram index, which only proposes
    /// candidates, took 14). Null where no index can answer (another provider, a word too short), and the caller counts
    /// its query.
    /// </summary>
    public static async Task<int?> CountListedAsync(CompaniesDbContext db, IReadOnlyCollection<string> words, CancellationToken cancellationToken)
    {
        if (words.Count == 0 || words.Any(w => w.Length < ShortestIndexedWord))
        {
            return null;
        }

        return db.Database.ProviderName switch
        {
            ProviderNames.Sqlite => await db.Database.SqlQuery<int>($"""
                SELECT count(*) AS "Value" FROM "Companies_SearchIndex" WHERE "Companies_SearchIndex" MATCH {Phrases(words)}
                """).SingleAsync(cancellationToken),
            ProviderNames.PostgreSql => await db.Database.SqlQuery<int>(WordSetsCount(words)).SingleAsync(cancellationToken),
            _ => null,
        };
    }

    /// <summary>
    /// One overlap per word, all required; each word is a <c>LIKE</c> pattern parameter, which needs no escaping since a
    /// folded word holds letters and digits only (TextNormalizer).
    /// </summary>
    internal static FormattableString WordSetsCount(IReadOnlyCollection<string> words)
    {
        var overlaps = words.Select((_, i) => $$"""s."WordIds" && ARRAY(SELECT w."Id" FROM "Companies_SearchWords" AS w WHERE w."Word" LIKE {{{i}}})""");
        return FormattableStringFactory.Create(
            $"""SELECT count(*)::int AS "Value" FROM "Companies_SearchWordSets" AS s WHERE {string.Join(" AND ", overlaps)}""",
            [.. words.Select(w => (object)("%" + w + "%"))]);
    }

    /// <summary>
    /// Each word as an exact FTS5 phrase, all required. A folded word holds letters and digits only (TextNormalizer), so
    /// quoting it needs no escaping; the whole is passed as a parameter anyway.
    /// </summary>
    private static string Phrases(IEnumerable<string> words) => string.Join(' ', words.Select(w => "\"" + w + "\""));

    /// <summary>
    /// The id itself, written so that SQLite cannot look it up in an index. Given <c>Id IN (matches)</c>, SQLite fetched
    /// each match by primary key and then its whole row (~20 ms for 5,000 matches); it now reads the listed companies'
    /// ordering index, which holds the id, and tests each against the matches once built: a count reads no row, and
    /// a page stops at the page (ADR 0028). Only the SQLite search uses it.
    /// </summary>
    [DbFunction]
    public static Guid Unindexed(Guid id) => throw new InvalidOperationException("Seule une requête EF Core traduit Unindexed.");
}
