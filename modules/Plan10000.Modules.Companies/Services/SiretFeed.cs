using System.ComponentModel;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Api;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Services;

[DisplayName("EtablissementEngage")]
[Description("Un établissement d’une entreprise engagée et listée dans la vitrine : de quoi le rapprocher des fichiers d’un autre service public par son SIRET.")]
internal sealed record OpenSiret(
    [property: Description("Numéro SIRET de l’établissement inscrit (14 chiffres).")][property: ApiExample("55210055400005")] string Siret,
    [property: Description("Numéro SIREN de l’entreprise (9 chiffres).")][property: ApiExample("552100554")] string Siren,
    [property: Description("Raison sociale ou nom d’usage.")][property: ApiExample("Boulangerie du Port")] string Nom,
    [property: Description("Code du département de l’établissement.")][property: ApiExample("59")] string Departement,
    [property: Description("Code NAF (activité principale, NAF rév. 2), s’il est connu.")][property: ApiExample("10.71C")] string? CodeNaf,
    [property: Description("Date de validation de l’inscription.")][property: ApiExample("2026-03-02T10:15:00+00:00")] DateTimeOffset? EngageeLe,
    [property: Description("Date (UTC) de la dernière modification de ce que l’entreprise publie ; à utiliser avec le paramètre depuis.")][property: ApiExample("2026-03-05T08:00:00+00:00")] DateTimeOffset MisAJourLe,
    [property: Description("Identifiant de l’entreprise dans les adresses du portail (/api/v1/entreprises/{slug}).")][property: ApiExample("boulangerie-du-port-552100554")] string Slug);

[DisplayName("PageEtablissements")]
[Description("Une page d’établissements engagés, triés par SIRET.")]
internal sealed record OpenSiretPage(
    [property: Description("Nombre d’établissements correspondant aux filtres.")][property: ApiExample(42)] int Total,
    [property: Description("Numéro de la page rendue (ramené à la dernière page si la page demandée la dépasse).")][property: ApiExample(1)] int Page,
    [property: Description("Nombre de pages.")][property: ApiExample(1)] int PageCount,
    [property: Description("Les établissements de la page.")] IReadOnlyList<OpenSiret> Etablissements,
    [property: Description("Liens vers les autres pages, avec les mêmes filtres (aussi dans l’en-tête Link).")] PageLinks Liens);

internal sealed record SiretFeedPage(IReadOnlyList<OpenSiret> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The SIRETs of the engaged companies for other public services (ADR 0030): the showcase's companies — approved and
/// consenting to be listed — and nothing the showcase would not show. One count and one page query, whatever the size.
/// </summary>
internal sealed class SiretFeed(ShowcaseQuery showcase)
{
    public const int PageSize = 100;

    public const int MaxPageSize = 1000;

    public const string SchemaResource = "Plan10000.Modules.Companies.OpenData.siret-entreprises-engagees.schema.json";

    /// <summary>Client-evaluated at the end of the query: the SQL reads only these columns.</summary>
    private static readonly Expression<Func<Company, OpenSiret>> Row = c => new OpenSiret(
        c.Siret, c.Siren, c.Name, c.DepartementCode, c.NafCode, c.DecidedAt, Company.Utc(c.UpdatedAt), c.Slug);

    private static readonly Func<Company, OpenSiret> RowOf = Row.Compile();

    public static readonly string[] CsvHeader = ["siret", "siren", "nom", "departement", "code_naf", "engagee_le", "mise_a_jour_le", "slug"];

    public static OpenSiret From(Company company) => RowOf(company);

    public static ExportTable CsvTable(IEnumerable<OpenSiret> rows) => new("siret-entreprises-engagees", CsvHeader,
    [
        .. rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Siret, r.Siren, r.Nom, r.Departement, r.CodeNaf,
            r.EngageeLe?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.MisAJourLe.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            r.Slug,
        ]),
    ]);

    public async Task<SiretFeedPage> PageAsync(string? departement, DateTimeOffset? since, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Filtered(departement, since);
        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Of(total, Math.Clamp(pageSize, 1, MaxPageSize), page);
        var rows = await query.OrderBy(c => c.Siret).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).Select(Row).ToListAsync(cancellationToken);
        return new SiretFeedPage(rows, total, paging.Page, paging.PageCount);
    }

    /// <summary>Every row of the feed, for the CSV file, streamed in SIRET order.</summary>
    public IAsyncEnumerable<OpenSiret> AllAsync()
        => Filtered(null, null).OrderBy(c => c.Siret).ThenBy(c => c.Id).Select(Row).AsAsyncEnumerable();

    private IQueryable<Company> Filtered(string? departement, DateTimeOffset? since)
    {
        var query = showcase.Listed();
        if (!string.IsNullOrEmpty(departement))
        {
            query = query.Where(c => c.DepartementCode == departement);
        }

        if (since is { } from)
        {
            var utc = from.UtcDateTime;
            query = query.Where(c => c.UpdatedAt >= utc);
        }

        return query;
    }
}
