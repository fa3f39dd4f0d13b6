using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Companies.Seed;

/// <summary>
/// N approved companies that publish everything, spread evenly over the 101 départements, each with 8 to 12
/// commitments (about 10 on average): the benchmark data. Inserted in batches with change detection off and the
/// tracker cleared after each batch, so 10,000 companies cost seconds, not minutes, on SQLite as on PostgreSQL.
/// </summary>
internal sealed class ScaleCompaniesSeeder(CompaniesDbContext db, IReferentialsQuery referentials, TimeProvider clock, ILogger<ScaleCompaniesSeeder> logger) : IScaleDataSeeder
{
    /// <summary>1,000 companies ≈ 15,000 rows per SaveChanges: large enough to amortise, small enough to keep memory flat.</summary>
    internal const int BatchSize = 1_000;

    public int Order => 20;

    private static readonly string[] Trades =
    [
        "Boulangerie", "Menuiserie", "Transports", "Hôtel", "Imprimerie", "Bâtiment", "Pharmacie", "Coopérative agricole", "Logistique",
        "Cabinet conseil", "Fromagerie", "Énergies", "Clinique", "Supermarché", "Agence numérique", "Scierie", "Restaurant", "Textiles",
        "Électricité générale", "Domaine viticole", "Services à la personne", "Chocolaterie", "Recyclage", "Plomberie", "Librairie",
        "Garage", "Maraîchage", "Propreté", "Sécurité", "Mécanique de précision", "Assurances", "Laboratoire", "Paysagiste", "Traiteur",
    ];

    private static readonly string[] Families =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre",
        "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
        "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel",
        "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
    ];

    private static readonly string[] Forms = ["", " & Fils", " SAS", " et Associés", " Services", " Groupe", " SARL", " Industrie"];

    private static readonly string[] Sizes = ["TPE", "PME", "ETI", "GE", "FILIALE"];

    private static readonly string[] Sectors = ["ARTISANAT", "COMMERCE", "INDUSTRIE", "CONSTRUCTION", "TRANSPORT", "HEBERGEMENT", "NUMERIQUE", "SANTE", "AGRICULTURE", "SERVICES"];

    private static readonly string[] Streets = ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "place de la Mairie", "boulevard Pasteur", "rue du Moulin", "zone d’activités des Prés"];

    private static readonly (string Description, string Unit)[] Lines =
    [
        ("Accueillir des élèves de 3e des collèges voisins pour leur stage d’observation.", "stagiaires de 3e"),
        ("Recruter des apprentis issus des quartiers prioritaires, chacun avec un tuteur formé.", "apprentis"),
        ("Parrainer des jeunes diplômés dans leur recherche d’emploi avec des salariés volontaires.", "filleuls"),
        ("Confier une part des achats à des structures d’insertion et à des entreprises adaptées.", "k€ d’achats"),
        ("Recruter et accompagner des travailleurs handicapés, avec aménagement des postes.", "recrutements"),
        ("Recruter en emploi franc des habitants des quartiers prioritaires.", "recrutements"),
        ("Former et recruter des personnes réfugiées avec un parcours de langue française.", "personnes formées"),
        ("Proposer des périodes de mise en situation en milieu professionnel.", "PMSMP"),
        ("Ouvrir nos métiers lors de visites d’entreprise pour des demandeurs d’emploi de longue durée.", "visiteurs"),
        ("Accueillir des alternants en contrat de professionnalisation, sans condition de diplôme.", "alternants"),
        ("Recruter des allocataires du RSA accompagnés par le service public de l’emploi.", "recrutements"),
        ("Aider des personnes placées sous main de justice à préparer leur retour à l’emploi.", "personnes accompagnées"),
    ];

    public async Task SeedAsync(int companies, CancellationToken cancellationToken)
    {
        if (companies <= 0 || await db.Companies.AnyAsync(cancellationToken))
        {
            return;
        }

        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var themes = (await referentials.GetThemesAsync(cancellationToken)).Select(t => t.Numero).ToArray();
        var publics = (await referentials.GetPublicsAsync(cancellationToken)).Select(p => p.Code).ToArray();
        if (departements.Count == 0 || themes.Length == 0 || publics.Length == 0)
        {
            throw new InvalidOperationException("Les référentiels (départements, thématiques, publics) doivent être chargés avant les données de charge.");
        }

        logger.LogInformation("Données de charge : {Companies} entreprises sur {Departements} départements…", companies, departements.Count);
        var watch = Stopwatch.StartNew();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // A fixed seed: every benchmark run measures the same data.
            var random = new Random(20_26);
            var now = clock.GetUtcNow();
            var commitments = 0;
            for (var start = 0; start < companies; start += BatchSize)
            {
                var batch = new List<Company>(BatchSize);
                for (var i = start; i < Math.Min(companies, start + BatchSize); i++)
                {
                    var company = NewCompany(i, departements[i % departements.Count], themes, publics, random, now);
                    commitments += company.Commitments.Count;
                    batch.Add(company);
                }

                db.Companies.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                logger.LogInformation("Données de charge : {Done}/{Companies} entreprises ({Elapsed:F1} s)", Math.Min(companies, start + BatchSize), companies, watch.Elapsed.TotalSeconds);
            }

            logger.LogInformation("Données de charge : {Companies} entreprises et {Commitments} engagements insérés en {Elapsed:F1} s", companies, commitments, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The i-th company: deterministic identifiers (unique SIREN from i), varied names, sizes and sectors.</summary>
    internal static Company NewCompany(int i, DepartementInfo departement, int[] themes, string[] publics, Random random, DateTimeOffset now)
    {
        // "5" and 7 digits from i, then the Luhn key: a unique 9-character SIREN, far from the demo ("9…") and test ("8…") ranges.
        var siren = Siret.WithKey("5" + i.ToString("D7", CultureInfo.InvariantCulture));
        var nic = (1 + i % 40).ToString("D4", CultureInfo.InvariantCulture);
        var name = $"{Trades[i % Trades.Length]} {Families[i / Trades.Length % Families.Length]}{Forms[i / 7 % Forms.Length]}";
        var postcode = PostcodeOf(departement.Code, i);
        var decided = now.AddDays(-random.Next(1, 600));
        var company = new Company
        {
            Siren = siren,
            Siret = Siret.WithKey(siren + nic),
            Name = name,
            Slug = TextNormalizer.Slug(name) + "-" + siren,
            SizeCode = Sizes[random.Next(Sizes.Length)],
            SectorCode = Sectors[random.Next(Sectors.Length)],
            Address = $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}",
            Postcode = postcode,
            City = departement.Nom,
            DepartementCode = departement.Code,
            Website = i % 3 == 0 ? $"https://{TextNormalizer.Slug(name)}-{siren}.example" : null,
            Status = CompanyStatus.Approved,
            CreatedAt = decided.AddDays(-random.Next(1, 30)),
            DecidedAt = decided,
            UpdatedAt = decided.UtcDateTime,
            // Marked as notified: the decision-mail job must not write to 10,000 fictitious addresses.
            DecisionNotifiedAt = decided,
            DecidedBy = "donnees-de-charge",
            IsDemo = true,
            Charter = new CharterSignature { SignerName = "Dirigeant fictif", SignerRole = "Gérant", SignedAt = decided, CharterId = "charte-provisoire", CharterVersion = 1 },
            FicheVersion = 1,
        };
        CompanyService.SetConsents(company, [.. PublicationItems.Labels.Select(l => l.Key)], decided);
        var count = 8 + random.Next(5);
        for (var n = 0; n < count; n++)
        {
            var line = Lines[random.Next(Lines.Length)];
            company.Commitments.Add(new Commitment
            {
                CompanyId = company.Id,
                Position = n + 1,
                ThemeNumero = themes[random.Next(themes.Length)],
                PublicCodes = CompanyService.JoinPublics([.. new[] { publics[random.Next(publics.Length)], publics[random.Next(publics.Length)] }.Distinct()]),
                Description = line.Description,
                IntentionQuantity = random.Next(1, 30),
                IntentionUnit = line.Unit,
                IntentionYear = 2026 + random.Next(2),
            });
        }

        CompanyService.RefreshSearchText(company);
        return company;
    }

    /// <summary>A postcode that <see cref="Postcode.Departement"/> maps back to the département (Corsica and overseas included).</summary>
    internal static string PostcodeOf(string departement, int i) => departement switch
    {
        "2A" => "200" + (i % 10).ToString(CultureInfo.InvariantCulture) + "0",
        "2B" => "202" + (i % 10).ToString(CultureInfo.InvariantCulture) + "0",
        { Length: 3 } => departement + (i % 10).ToString(CultureInfo.InvariantCulture) + "0",
        _ => departement + (1 + i % 9).ToString(CultureInfo.InvariantCulture) + "00",
    };
}
