using Plan10000.Modules.Companies.Models;

namespace Plan10000.Modules.Companies.Services;

/// <summary>The public shape of a company in the API and the open-data files: only what the company agreed to publish.</summary>
internal sealed record OpenCompany(
    string Slug, string Nom, string Departement, string Taille, string Secteur,
    string? Adresse, string? CodePostal, string? Commune, string? SiteInternet,
    DateTimeOffset? EngageeLe, IReadOnlyList<OpenCommitment>? Engagements);

internal sealed record OpenCommitment(int Thematique, IReadOnlyList<string> Publics, string Description, int? IntentionQuantite, string? IntentionUnite, int? IntentionAnnee);

internal sealed record OpenPage(int Total, int Page, int PageCount, IReadOnlyList<OpenCompany> Entreprises);

internal static class OpenData
{
    public static OpenCompany From(Company c)
    {
        var address = c.Publishes(PublicationItems.Address);
        return new OpenCompany(
            c.Slug, c.Name, c.DepartementCode, c.SizeCode, c.SectorCode,
            address ? c.Address : null, address ? c.Postcode : null, address ? c.City : null,
            c.Publishes(PublicationItems.Website) ? c.Website : null,
            c.DecidedAt,
            c.Publishes(PublicationItems.Commitments)
                ? [.. c.Commitments.OrderBy(m => m.Position).Select(m => new OpenCommitment(m.ThemeNumero, m.Publics, m.Description, m.IntentionQuantity, m.IntentionUnit, m.IntentionYear))]
                : null);
    }

    public static readonly string[] CsvHeader = ["slug", "nom", "departement", "taille", "secteur", "adresse", "code_postal", "commune", "site_internet", "engagee_le", "thematiques", "publics", "nombre_engagements"];

    public static IReadOnlyList<object?> CsvRow(OpenCompany c) =>
    [
        c.Slug, c.Nom, c.Departement, c.Taille, c.Secteur, c.Adresse, c.CodePostal, c.Commune, c.SiteInternet,
        c.EngageeLe?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        c.Engagements is null ? null : string.Join('|', c.Engagements.Select(e => e.Thematique).Distinct().Order()),
        c.Engagements is null ? null : string.Join('|', c.Engagements.SelectMany(e => e.Publics).Distinct().Order()),
        c.Engagements?.Count,
    ];
}
