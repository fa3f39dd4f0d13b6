using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Data;

namespace Plan10000.Modules.Companies.Seed;

/// <summary>
/// About thirty fictitious companies (names end with « (démo) », SIRENs drawn with a valid key) spread over several
/// départements, so the showcase, the filters and the dashboard have something to show on a first run.
/// </summary>
internal sealed class DemoCompaniesSeeder(CompaniesDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 20;

    private static readonly string[] Names =
    [
        "Boulangerie Les Blés d’Or", "Menuiserie Artisanale Lefort", "Transports Ribeiro", "Café des Arts", "Atelier Numérique du Port",
        "Maraîchers de la Vallée", "Garage Central Moreau", "Hôtel Bellevue", "Imprimerie Saint-Éloi", "Bâtiment Durand & Fils",
        "Pharmacie de la Gare", "Coopérative Laitière des Monts", "Logistique Express Sud", "Cabinet Conseil Horizon", "Fromagerie Lacoste",
        "Énergies Vertes de l’Ouest", "Clinique des Tilleuls", "Supermarché Proxi Centre", "Agence Web Pixel", "Scierie Forestière Vosgienne",
        "Restaurant L’Escale", "Textiles Ménard", "Banque Mutualiste Régionale", "Électricité Générale Petit", "Domaine Viticole Roussel",
        "Services à la Personne Harmonie", "Chocolaterie Bonnet", "Recyclage Inclusif Nord", "Plomberie Chauffage Girard", "Librairie Le Marque-Page",
    ];

    private static readonly (string Postcode, string City)[] Places =
    [
        ("75011", "Paris"), ("13002", "Marseille"), ("33000", "Bordeaux"), ("59000", "Lille"), ("69003", "Lyon"),
        ("20000", "Ajaccio"), ("97400", "Saint-Denis"), ("35000", "Rennes"), ("67000", "Strasbourg"), ("31000", "Toulouse"),
    ];

    private static readonly string[] Sizes = ["TPE", "PME", "ETI", "GE", "FILIALE"];

    private static readonly string[] Sectors = ["ARTISANAT", "COMMERCE", "INDUSTRIE", "CONSTRUCTION", "TRANSPORT", "HEBERGEMENT", "NUMERIQUE", "SANTE", "AGRICULTURE", "SERVICES"];

    private static readonly string[] Publics = ["JEUNES", "DELD", "BRSA", "PPSMJ", "TH", "REFUGIES", "QPV", "REPPLUS", "IAE"];

    private static readonly (int Theme, string Description, string Unit)[] Lines =
    [
        (1, "Accueillir des élèves de 3e des collèges du quartier pour leur stage d’observation.", "stagiaires de 3e"),
        (3, "Recruter des apprentis issus des quartiers prioritaires, avec un tuteur formé pour chacun.", "apprentis"),
        (4, "Parrainer des jeunes diplômés dans leur recherche d’emploi avec nos salariés volontaires.", "filleuls"),
        (6, "Confier une part de nos achats à des structures d’insertion et des entreprises adaptées.", "k€ d’achats"),
        (7, "Recruter et accompagner des travailleurs handicapés, avec aménagement des postes.", "recrutements"),
        (8, "Recruter en emploi franc des habitants des quartiers prioritaires.", "recrutements"),
        (9, "Former et recruter des personnes réfugiées dans le cadre du programme Hope.", "personnes formées"),
        (13, "Proposer des périodes de mise en situation en milieu professionnel (PMSMP).", "PMSMP"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Companies.AnyAsync(cancellationToken))
        {
            return;
        }

        // A fixed seed: the same demo on every machine, which makes screenshots and manual checks comparable.
        var random = new Random(10_000);
        var now = clock.GetUtcNow();
        for (var i = 0; i < Names.Length; i++)
        {
            var place = Places[i % Places.Length];
            // 8 digits and the Luhn key: a 9-digit SIREN (the column is 9 long; SQLite would not have noticed).
            var siren = Siret.WithKey("9" + random.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var company = new Company
            {
                Siren = siren,
                Siret = Siret.WithKey(siren + "0001"),
                Name = Names[i] + " (démo)",
                Slug = TextNormalizer.Slug(Names[i]) + "-demo",
                SizeCode = Sizes[i % Sizes.Length],
                SectorCode = Sectors[i % Sectors.Length],
                Address = $"{random.Next(1, 120)} rue de la République",
                Postcode = place.Postcode,
                City = place.City,
                DepartementCode = Postcode.Departement(place.Postcode)!,
                Website = i % 3 == 0 ? $"https://{TextNormalizer.Slug(Names[i])}.example" : null,
                // A few are left pending so a referent's moderation queue is not empty.
                Status = i % 6 == 5 ? CompanyStatus.Pending : CompanyStatus.Approved,
                CreatedAt = now.AddDays(-random.Next(1, 300)),
                IsDemo = true,
                Charter = new CharterSignature { SignerName = "Dirigeant fictif", SignerRole = "Gérant", SignedAt = now.AddDays(-30), CharterId = "charte-provisoire", CharterVersion = 1 },
                FicheVersion = 1,
            };
            company.DecidedAt = company.Status == CompanyStatus.Approved ? now.AddDays(-10) : null;
            company.DecisionNotifiedAt = company.DecidedAt;
            var published = i % 7 == 3 ? new[] { PublicationItems.Name } : [.. PublicationItems.Labels.Select(l => l.Key)];
            CompanyService.SetConsents(company, published, now);
            var count = 1 + (i % 3);
            for (var n = 0; n < count; n++)
            {
                var line = Lines[(i + n * 3) % Lines.Length];
                company.Commitments.Add(new Commitment
                {
                    CompanyId = company.Id,
                    Position = n + 1,
                    ThemeNumero = line.Theme,
                    PublicCodes = CompanyService.JoinPublics([Publics[(i + n) % Publics.Length], Publics[(i + n + 4) % Publics.Length]]),
                    Description = line.Description,
                    IntentionQuantity = random.Next(1, 20),
                    IntentionUnit = line.Unit,
                    IntentionYear = 2026,
                });
            }

            CompanyService.RefreshSearchText(company);
            db.Companies.Add(company);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
