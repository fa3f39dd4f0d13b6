using System.Globalization;
using System.Text.Json;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Exports;

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
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string SchemaResource = "Plan10000.Modules.Companies.OpenData.entreprises-engagees.schema.json";

    public const string PressSchemaResource = "Plan10000.Modules.Companies.OpenData.dossier-de-presse.schema.json";

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

    /// <summary>The last recorded change of what the files show about a company: its validation, a consent, a result.</summary>
    public static DateTimeOffset? LastChange(Company c)
        => new[] { c.DecidedAt }
            .Concat(c.Consents.Select(x => (DateTimeOffset?)x.AnsweredAt))
            .Concat(c.Commitments.Select(m => m.ResultReportedAt))
            .Max();
}
