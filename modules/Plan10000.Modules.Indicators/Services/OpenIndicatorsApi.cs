using System.ComponentModel;
using System.Text.Json.Serialization;
using Plan10000.Portal.Abstractions.Api;

namespace Plan10000.Modules.Indicators.Services;

[DisplayName("Indicateur")]
[Description("Un indicateur de pilotage actif du programme.")]
internal sealed record OpenIndicatorDefinition(
    [property: Description("Code de l’indicateur.")][property: ApiExample("STAGES_REP_PLUS")] string Code,
    [property: Description("Libellé de l’indicateur.")][property: ApiExample("Stages de 3e pour des élèves de REP+")] string Libelle,
    [property: Description("Numéro de la thématique d’engagement (1 à 14).")][property: ApiExample(1)] int Thematique,
    [property: Description("Nature : cible nationale, intention des entreprises ou résultat constaté.")][property: ApiExample("resultat")] IndicatorNature Nature,
    [property: Description("Unité des valeurs.")][property: ApiExample("stages")] string Unite,
    [property: Description("Périodicité de la collecte.")][property: ApiExample("trimestrielle")] IndicatorPeriodicity Periodicite,
    [property: Description("Cible nationale du programme, si l’indicateur en a une.")][property: ApiExample(30000)] decimal? CibleNationale,
    [property: Description("Pour un résultat : le code de l’intention qu’il réalise.")][property: ApiExample("STAGES_INTENTIONS")] string? Intention);

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorNature>))]
internal enum IndicatorNature
{
    [JsonStringEnumMemberName("cible_nationale")]
    NationalTarget,
    [JsonStringEnumMemberName("intention")]
    Intention,
    [JsonStringEnumMemberName("resultat")]
    Result,
}

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorPeriodicity>))]
internal enum IndicatorPeriodicity
{
    [JsonStringEnumMemberName("annuelle")]
    Year,
    [JsonStringEnumMemberName("semestrielle")]
    HalfYear,
    [JsonStringEnumMemberName("trimestrielle")]
    Quarter,
}

[DisplayName("Valeur")]
[Description("Valeur consolidée d’un indicateur pour un département et une période : les champs du schéma /donnees/indicateurs.schema.json.")]
internal sealed record OpenIndicatorValue(
    [property: JsonPropertyName("departement"), Description("Code du département.")][property: ApiExample("59")] string Departement,
    [property: JsonPropertyName("departement_nom"), Description("Nom du département.")][property: ApiExample("Nord")] string DepartementNom,
    [property: JsonPropertyName("region"), Description("Code INSEE de la région.")][property: ApiExample("32")] string Region,
    [property: JsonPropertyName("indicateur"), Description("Code de l’indicateur.")][property: ApiExample("STAGES_REP_PLUS")] string Indicateur,
    [property: JsonPropertyName("libelle"), Description("Libellé de l’indicateur.")][property: ApiExample("Stages de 3e pour des élèves de REP+")] string Libelle,
    [property: JsonPropertyName("thematique"), Description("Numéro de la thématique (1 à 14).")][property: ApiExample(1)] int Thematique,
    [property: JsonPropertyName("nature"), Description("cible_nationale, intention ou resultat.")][property: ApiExample("resultat")] string Nature,
    [property: JsonPropertyName("unite"), Description("Unité de la valeur.")][property: ApiExample("stages")] string Unite,
    [property: JsonPropertyName("periode"), Description("Année (2026), semestre (2026-S1) ou trimestre (2026-T2).")][property: ApiExample("2026-T2")] string Periode,
    [property: JsonPropertyName("valeur"), Description("Valeur consolidée ; null sous 3 contributeurs (secret statistique).")][property: ApiExample(128)] decimal? Valeur,
    [property: JsonPropertyName("contributeurs"), Description("Nombre d’entreprises et de clubs dont les valeurs validées sont comptées.")][property: ApiExample(17)] int Contributeurs,
    [property: JsonPropertyName("cible_departementale"), Description("Cible du département pour cet indicateur, s’il en a une.")][property: ApiExample(300)] decimal? CibleDepartementale)
{
    public static OpenIndicatorValue From(OpenIndicatorRow r)
        => new(r.Departement, r.DepartementNom, r.Region, r.Indicateur, r.Libelle, r.Thematique, r.Nature, r.Unite, r.Periode, r.Valeur, r.Contributeurs, r.CibleDepartementale);
}

[DisplayName("PageValeurs")]
[Description("Une page de valeurs consolidées, triées par département, période et indicateur.")]
internal sealed record OpenIndicatorValuesPage(
    [property: Description("Nombre de lignes correspondant aux filtres.")][property: ApiExample(240)] int Total,
    [property: Description("Numéro de la page rendue (ramené à la dernière page si la page demandée la dépasse).")][property: ApiExample(1)] int Page,
    [property: Description("Nombre de pages.")][property: ApiExample(5)] int Pages,
    [property: Description("Les valeurs de la page.")] IReadOnlyList<OpenIndicatorValue> Valeurs,
    [property: Description("Liens vers les autres pages, avec les mêmes filtres (aussi dans l’en-tête Link).")] PageLinks Liens);
