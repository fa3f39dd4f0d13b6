using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;

namespace Plan10000.Modules.Companies.Services;

/// <summary>
/// « Companies whose folded search text contains this word », the one rule of the showcase search. SQLite answers it
/// from the FTS5 trigram table that its migration keeps (ADR 0028), PostgreSQL from the trigram index on the column
/// (ADR 0021); both return exactly what <c>SearchText.Contains(word)</c> returns.
/// </summary>
internal static class CompanyTextSearch
{
    /// <summary>The trigram tokenizer matches no substring shorter than three characters.</summary>
    private const int ShortestIndexedWord = 3;

    public static IQueryable<Company> Containing(this IQueryable<Company> query, CompaniesDbContext db, string word)
    {
        if (word.Length < ShortestIndexedWord || db.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return query.Where(c => c.SearchText.Contains(word));
        }

        // A folded word holds letters and digits only (TextNormalizer), so quoting it makes an exact FTS5 phrase.
        var phrase = "\"" + word + "\"";
        var ids = db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"Companies_SearchIndex\" WHERE \"Companies_SearchIndex\" MATCH {phrase}");
        return query.Where(c => ids.Contains(c.Id));
    }
}
