using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Plan10000.Modules.Companies.Services;

/// <summary><c>Portal:Sirene</c>: where the public « API Recherche d’entreprises » answers, and how long sign-up waits for it.</summary>
internal sealed class SireneOptions
{
    /// <summary>Unset: no lookup, the SIRET is checked by its key alone.</summary>
    public string? BaseUrl { get; set; }

    public double TimeoutSeconds { get; set; } = 3;
}

internal enum SireneStatus
{
    /// <summary>No <c>BaseUrl</c>: nothing was asked.</summary>
    NotConfigured,
    Open,
    Closed,
    Unknown,

    /// <summary>Too slow, 5xx, refused connection or unreadable answer: sign-up goes on with the key check alone.</summary>
    Unavailable,
}

/// <summary>What the register says of an establishment, already in the form's terms (codes of the portal's lists).</summary>
internal sealed record SireneEstablishment(
    string Name, string Address, string Postcode, string City, string? NafCode, string? SizeBand, string? SizeCode, string? SectorCode);

internal sealed record SireneAnswer(SireneStatus Status, SireneEstablishment? Establishment = null);

/// <summary>
/// Looks a SIRET up in the public « API Recherche d’entreprises » (<c>GET {BaseUrl}/search?q={siret}</c>, no key). The
/// register is a convenience and a check, never a dependency: any failure within the timeout reads « unavailable ».
/// </summary>
internal sealed class SireneClient(HttpClient http, IOptions<SireneOptions> options, ILogger<SireneClient> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.BaseUrl);

    public async Task<SireneAnswer> LookupAsync(string siret, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return new(SireneStatus.NotConfigured);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            var url = options.Value.BaseUrl!.TrimEnd('/') + "/search?q=" + Uri.EscapeDataString(siret);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new(SireneStatus.Unknown);
            }

            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Répertoire Sirene : réponse {Status} pour une recherche de SIRET ; inscription poursuivie sans lui.", (int)response.StatusCode);
                return new(SireneStatus.Unavailable);
            }

            var page = await response.Content.ReadFromJsonAsync<SearchPage>(Json, timeout.Token);
            return Read(page, siret);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Répertoire Sirene : pas de réponse en {Seconds} s ; inscription poursuivie sans lui.", options.Value.TimeoutSeconds);
            return new(SireneStatus.Unavailable);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException)
        {
            logger.LogWarning(e, "Répertoire Sirene injoignable ou réponse illisible ; inscription poursuivie sans lui.");
            return new(SireneStatus.Unavailable);
        }
    }

    /// <summary>The search is full-text: only a result naming this very SIRET (an establishment, else the head office) counts.</summary>
    private static SireneAnswer Read(SearchPage? page, string siret)
    {
        foreach (var result in page?.Results ?? [])
        {
            var establishment = result.MatchingEtablissements?.FirstOrDefault(e => e.Siret == siret)
                ?? (result.Siege?.Siret == siret ? result.Siege : null);
            if (establishment is null)
            {
                continue;
            }

            if (establishment.EtatAdministratif == "F")
            {
                return new(SireneStatus.Closed);
            }

            var naf = establishment.ActivitePrincipale ?? result.ActivitePrincipale;
            var band = result.TrancheEffectifSalarie ?? establishment.TrancheEffectifSalarie;
            return new(SireneStatus.Open, new SireneEstablishment(
                (result.NomComplet ?? result.NomRaisonSociale ?? "").Trim(),
                Street(establishment),
                establishment.CodePostal ?? "",
                establishment.LibelleCommune ?? "",
                naf,
                band,
                SizeCode(band),
                SectorCode(naf)));
        }

        return new(SireneStatus.Unknown);
    }

    /// <summary>The form has the street apart from the postcode and town; « adresse » holds all three.</summary>
    private static string Street(Etablissement e)
    {
        var parts = new[] { e.NumeroVoie, e.IndiceRepetition, e.TypeVoie, e.LibelleVoie }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (parts.Count > 0)
        {
            return string.Join(' ', parts).Trim();
        }

        var address = (e.Adresse ?? "").Trim();
        var tail = $" {e.CodePostal} {e.LibelleCommune}";
        return e.CodePostal is not null && address.EndsWith(tail, StringComparison.OrdinalIgnoreCase) ? address[..^tail.Length].Trim() : address;
    }

    /// <summary>INSEE headcount bands to the portal's sizes (TPE under 10, PME under 250, ETI under 5,000).</summary>
    internal static string? SizeCode(string? band) => band switch
    {
        "00" or "01" or "02" or "03" => "TPE",
        "11" or "12" or "21" or "22" or "31" => "PME",
        "32" or "41" or "42" or "51" => "ETI",
        "52" or "53" => "GE",
        _ => null,
    };

    /// <summary>INSEE headcount bands as the register's readers know them.</summary>
    internal static string? SizeBandLabel(string? band) => band switch
    {
        "NN" => "non employeuse",
        "00" => "0 salarié",
        "01" => "1 ou 2 salariés",
        "02" => "3 à 5 salariés",
        "03" => "6 à 9 salariés",
        "11" => "10 à 19 salariés",
        "12" => "20 à 49 salariés",
        "21" => "50 à 99 salariés",
        "22" => "100 à 199 salariés",
        "31" => "200 à 249 salariés",
        "32" => "250 à 499 salariés",
        "41" => "500 à 999 salariés",
        "42" => "1 000 à 1 999 salariés",
        "51" => "2 000 à 4 999 salariés",
        "52" => "5 000 à 9 999 salariés",
        "53" => "10 000 salariés et plus",
        _ => null,
    };

    /// <summary>The NAF division (two first digits, rev. 2) to the portal's sector list; a proposal the company may change.</summary>
    internal static string? SectorCode(string? naf)
    {
        if (naf is not { Length: >= 2 } || !int.TryParse(naf[..2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var division))
        {
            return null;
        }

        return division switch
        {
            <= 3 => "AGRICULTURE",
            <= 33 => "INDUSTRIE",
            <= 39 => "ENERGIE",
            <= 43 => "CONSTRUCTION",
            <= 47 => "COMMERCE",
            <= 53 => "TRANSPORT",
            <= 56 => "HEBERGEMENT",
            <= 63 => "NUMERIQUE",
            <= 66 => "FINANCE",
            <= 82 => "SERVICES",
            >= 86 and <= 88 => "SANTE",
            _ => "AUTRE",
        };
    }

    private sealed record SearchPage([property: JsonPropertyName("results")] List<Result>? Results);

    private sealed record Result(
        [property: JsonPropertyName("siren")] string? Siren,
        [property: JsonPropertyName("nom_complet")] string? NomComplet,
        [property: JsonPropertyName("nom_raison_sociale")] string? NomRaisonSociale,
        [property: JsonPropertyName("activite_principale")] string? ActivitePrincipale,
        [property: JsonPropertyName("tranche_effectif_salarie")] string? TrancheEffectifSalarie,
        [property: JsonPropertyName("siege")] Etablissement? Siege,
        [property: JsonPropertyName("matching_etablissements")] List<Etablissement>? MatchingEtablissements);

    private sealed record Etablissement(
        [property: JsonPropertyName("siret")] string? Siret,
        [property: JsonPropertyName("adresse")] string? Adresse,
        [property: JsonPropertyName("numero_voie")] string? NumeroVoie,
        [property: JsonPropertyName("indice_repetition")] string? IndiceRepetition,
        [property: JsonPropertyName("type_voie")] string? TypeVoie,
        [property: JsonPropertyName("libelle_voie")] string? LibelleVoie,
        [property: JsonPropertyName("code_postal")] string? CodePostal,
        [property: JsonPropertyName("libelle_commune")] string? LibelleCommune,
        [property: JsonPropertyName("etat_administratif")] string? EtatAdministratif,
        [property: JsonPropertyName("activite_principale")] string? ActivitePrincipale,
        [property: JsonPropertyName("tranche_effectif_salarie")] string? TrancheEffectifSalarie);
}
