using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Api;
using Plan10000.Portal.Abstractions.Exports;

namespace Plan10000.Modules.Companies.Services;

/// <summary>The public shape of a company in the API and the open-data files: only what the company agreed to publish.</summary>
[DisplayName("Entreprise")]
[Description("Une entreprise engagée dont l’inscription a été validée. Les champs dont l’entreprise n’a pas accepté la publication valent null.")]
internal sealed record OpenCompany(
    [property: Description("Identifiant de l’entreprise dans les adresses du portail (/entreprises-engagees/{slug}).")][property: ApiExample("boulangerie-du-port-552100554")] string Slug,
    [property: Description("Raison sociale ou nom d’usage.")][property: ApiExample("Boulangerie du Port")] string Nom,
    [property: Description("Code du département (ex. 33, 2A, 974).")][property: ApiExample("59")] string Departement,
    [property: Description("Code de la taille d’entreprise (TPE, PME, ETI, GE, FILIALE).")][property: ApiExample("PME")] string Taille,
    [property: Description("Code du secteur d’activité.")][property: ApiExample("COMMERCE")] string Secteur,
    [property: Description("Code NAF de l’activité principale (NAF rév. 2), s’il est connu.")][property: ApiExample("10.71C")] string? CodeNaf,
    [property: Description("Adresse postale, si publiée.")][property: ApiExample("12 quai de la Douane")] string? Adresse,
    [property: Description("Code postal, si l’adresse est publiée.")][property: ApiExample("59140")] string? CodePostal,
    [property: Description("Commune, si l’adresse est publiée.")][property: ApiExample("Dunkerque")] string? Commune,
    [property: Description("Site internet, si publié.")][property: ApiExample("https://boulangerie-du-port.example")] string? SiteInternet,
    [property: Description("Date de validation de l’inscription.")][property: ApiExample("2026-03-02T10:15:00+00:00")] DateTimeOffset? EngageeLe,
    [property: Description("Date (UTC) de la dernière modification de ce que l’entreprise publie (aussi dans l’en-tête Last-Modified de /api/v1/entreprises/{slug}).")][property: ApiExample("2026-03-05T08:00:00+00:00")] DateTimeOffset MisAJourLe,
    [property: Description("Engagements publiés, dans l’ordre de la fiche navette ; null si l’entreprise ne les publie pas.")] IReadOnlyList<OpenCommitment>? Engagements);

[DisplayName("Engagement")]
[Description("Un engagement de la fiche navette de l’entreprise.")]
internal sealed record OpenCommitment(
    [property: Description("Numéro de la thématique d’engagement (1 à 14).")][property: ApiExample(4)] int Thematique,
    [property: Description("Codes des publics visés.")] IReadOnlyList<string> Publics,
    [property: Description("Description de l’engagement.")][property: ApiExample("Accueillir six stagiaires de 3e issus des quartiers prioritaires.")] string Description,
    [property: Description("Quantité visée, si l’engagement en donne une.")][property: ApiExample(6)] int? IntentionQuantite,
    [property: Description("Unité de la quantité visée.")][property: ApiExample("stagiaires")] string? IntentionUnite,
    [property: Description("Année visée.")][property: ApiExample(2026)] int? IntentionAnnee);

[DisplayName("PageEntreprises")]
[Description("Une page d’entreprises engagées, triées par nom.")]
internal sealed record OpenPage(
    [property: Description("Nombre d’entreprises correspondant aux filtres.")][property: ApiExample(42)] int Total,
    [property: Description("Numéro de la page rendue (ramené à la dernière page si la page demandée la dépasse).")][property: ApiExample(1)] int Page,
    [property: Description("Nombre de pages.")][property: ApiExample(3)] int PageCount,
    [property: Description("Les entreprises de la page.")] IReadOnlyList<OpenCompany> Entreprises,
    [property: Description("Liens vers les autres pages, avec les mêmes filtres (aussi dans l’en-tête Link).")] PageLinks Liens);

internal static class OpenData
{
    public static JsonSerializerOptions JsonOptions => Plan10000.Portal.Abstractions.OpenData.OpenDataJson.Options;

    public const string SchemaResource = "Plan10000.Modules.Companies.OpenData.entreprises-engagees.schema.json";

    public const string PressSchemaResource = "Plan10000.Modules.Companies.OpenData.dossier-de-presse.schema.json";

    public static OpenCompany From(Company c)
    {
        var address = c.Publishes(PublicationItems.Address);
        return new OpenCompany(
            c.Slug, c.Name, c.DepartementCode, c.SizeCode, c.SectorCode, c.NafCode,
            address ? c.Address : null, address ? c.Postcode : null, address ? c.City : null,
            c.Publishes(PublicationItems.Website) ? c.Website : null,
            c.DecidedAt,
            Company.Utc(c.UpdatedAt),
            c.Publishes(PublicationItems.Commitments)
                ? [.. c.Commitments.OrderBy(m => m.Position).Select(m => new OpenCommitment(m.ThemeNumero, m.Publics, m.Description, m.IntentionQuantity, m.IntentionUnit, m.IntentionYear))]
                : null);
    }

    public static readonly string[] CsvHeader = ["slug", "nom", "departement", "taille", "secteur", "adresse", "code_postal", "commune", "site_internet", "engagee_le", "thematiques", "publics", "nombre_engagements"];

    public static IReadOnlyList<object?> CsvRow(OpenCompany c) =>
    [
        c.Slug, c.Nom, c.Departement, c.Taille, c.Secteur, c.Adresse, c.CodePostal, c.Commune, c.SiteInternet,
        c.EngageeLe?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.Engagements is null ? null : string.Join('|', c.Engagements.Select(e => e.Thematique).Distinct().Order()),
        c.Engagements is null ? null : string.Join('|', c.Engagements.SelectMany(e => e.Publics).Distinct().Order()),
        c.Engagements?.Count,
    ];

    public static ExportTable CsvTable(IEnumerable<OpenCompany> companies) => new("entreprises-engagees", CsvHeader, [.. companies.Select(CsvRow)]);

    /// <summary>
    /// The JSON file, written company by company with async writes only: JsonSerializer.Serialize(Utf8JsonWriter) would
    /// flush synchronously on a response body.
    /// </summary>
    public static async Task WriteJsonAsync(IAsyncEnumerable<OpenCompany> companies, Stream body, CancellationToken cancellationToken)
    {
        var separator = "["u8.ToArray();
        await foreach (var company in companies)
        {
            await body.WriteAsync(separator, cancellationToken);
            await body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(company, JsonOptions), cancellationToken);
            separator = ","u8.ToArray();
        }

        await body.WriteAsync(separator[0] == (byte)'[' ? "[]"u8.ToArray() : "]"u8.ToArray(), cancellationToken);
    }
}
