using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Data;

namespace Plan10000.Modules.Indicators.Seed;

/// <summary>
/// The programme's « indicateurs de pilotage »: at least one per theme of the circular, with its three examples
/// (15 000 quality internships a year for REP+ pupils, intended apprenticeship hires, PMSMP hosted for IAE pathways).
/// Adds the missing codes at every start and never overwrites what a national admin edited.
/// </summary>
internal sealed class ReferenceDefinitionsSeeder(IndicatorsDbContext db, TimeProvider clock) : IReferenceDataSeeder
{
    public int Order => 40;

    internal sealed record Seed(string Code, int Theme, string Label, string Unit, IndicatorKind Kind, Periodicity Periodicity, decimal? Target = null, string? Intention = null);

    internal static readonly IReadOnlyList<Seed> All =
    [
        new("STAGES_REP_PLUS", 1, "Offres de stages de 3e de qualité pour les élèves de REP+", "offres de stage", IndicatorKind.NationalTarget, Periodicity.Year, 15_000),
        new("STAGES_3E_QPV_ACCUEILLIS", 1, "Élèves de 3e des QPV accueillis en stage d’observation", "élèves", IndicatorKind.Result, Periodicity.Quarter),
        new("DECOUVERTE_METIERS", 2, "Jeunes accueillis lors d’actions de découverte de l’entreprise (parcours avenir)", "jeunes", IndicatorKind.Result, Periodicity.Quarter),
        new("ALTERNANCE_INTENTIONS", 3, "Intentions de recrutement de jeunes en alternance", "recrutements prévus", IndicatorKind.Intention, Periodicity.Year, 40_000),
        new("ALTERNANCE_RECRUTES", 3, "Jeunes recrutés en alternance (apprentissage, professionnalisation)", "recrutements", IndicatorKind.Result, Periodicity.Year, null, "ALTERNANCE_INTENTIONS"),
        new("ALTERNANCE_QPV_TH", 3, "Alternants issus des QPV ou en situation de handicap", "alternants", IndicatorKind.Result, Periodicity.Quarter),
        new("PARRAINAGES", 4, "Parrainages de jeunes réalisés", "parrainages", IndicatorKind.Result, Periodicity.Quarter),
        new("JEUNES_PARCOURS_INSERTION", 5, "Jeunes issus de parcours d’insertion (E2C, EPIDE, Garantie jeunes) recrutés", "recrutements", IndicatorKind.Result, Periodicity.Quarter),
        new("PMSMP_IAE", 6, "Personnes en parcours IAE accueillies en période de mise en situation en milieu professionnel", "PMSMP", IndicatorKind.Result, Periodicity.Quarter),
        new("TH_INTENTIONS", 7, "Intentions de recrutement de travailleurs handicapés", "recrutements prévus", IndicatorKind.Intention, Periodicity.Year),
        new("TH_RECRUTES", 7, "Travailleurs handicapés recrutés", "recrutements", IndicatorKind.Result, Periodicity.Year, null, "TH_INTENTIONS"),
        new("EMPLOIS_FRANCS", 8, "Recrutements en emploi franc", "recrutements", IndicatorKind.Result, Periodicity.Quarter),
        new("REFUGIES_FORMES", 9, "Personnes réfugiées formées ou recrutées (programme Hope…)", "personnes", IndicatorKind.Result, Periodicity.HalfYear),
        new("PPSMJ_ACCOMPAGNES", 10, "Personnes placées sous main de justice formées ou recrutées", "personnes", IndicatorKind.Result, Periodicity.HalfYear),
        new("DEMARCHES_INNOVANTES", 11, "Démarches innovantes en faveur de l’emploi et de l’inclusion engagées", "démarches", IndicatorKind.Result, Periodicity.HalfYear),
        new("ACHATS_INCLUSIFS_INTENTIONS", 12, "Achats prévus auprès de l’IAE, des EA et des ESAT", "k€", IndicatorKind.Intention, Periodicity.Year),
        new("ACHATS_INCLUSIFS", 12, "Achats réalisés auprès de l’IAE, des EA et des ESAT", "k€", IndicatorKind.Result, Periodicity.Year, null, "ACHATS_INCLUSIFS_INTENTIONS"),
        new("MISES_EN_SITUATION", 13, "Mises en situation professionnelle de personnes en parcours d’insertion", "personnes", IndicatorKind.Result, Periodicity.Quarter),
        new("RECRUTEMENTS_INSERTION", 13, "Recrutements de personnes en parcours d’insertion ou qui en sont issues", "recrutements", IndicatorKind.Result, Periodicity.Quarter),
        new("ACCES_SOLIDAIRE", 14, "Foyers bénéficiaires d’un accès solidaire aux produits et services (alimentation, énergie, eau)", "foyers", IndicatorKind.Result, Periodicity.HalfYear),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Definitions.ToDictionaryAsync(d => d.Code, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seed in All.Where(s => !existing.ContainsKey(s.Code)))
        {
            var definition = new IndicatorDefinition
            {
                Code = seed.Code,
                ThemeNumero = seed.Theme,
                Label = seed.Label,
                Unit = seed.Unit,
                Kind = seed.Kind,
                Periodicity = seed.Periodicity,
                NationalTarget = seed.Target,
                CreatedAtUtc = now,
            };
            existing[seed.Code] = definition;
            db.Definitions.Add(definition);
        }

        foreach (var seed in All.Where(s => s.Intention is not null))
        {
            var definition = existing[seed.Code];
            definition.IntentionId ??= existing[seed.Intention!].Id;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
