using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Content.Seed;

/// <summary>
/// Demonstration content, written for this portal and marked as such: the charter, best practices across themes,
/// one practical sheet per theme, a few news items. Only on an empty module, so it never touches real content.
/// </summary>
internal sealed class ContentDemoSeeder(ContentDbContext db, ContentService service, IReferentialsQuery referentials) : IDemoDataSeeder
{
    private static readonly Actor Demo = new("Rédaction (démonstration)", null, true);

    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Items.AnyAsync(cancellationToken) || await db.Media.AnyAsync(cancellationToken))
        {
            return;
        }

        await AddAsync(ContentKind.Charte, "Charte d’engagement des entreprises", "charte",
            "Texte de démonstration de la charte commune signée par les entreprises engagées.", CharterText, cancellationToken);

        foreach (var (title, summary, themes, publics, taille, secteur, departement, results, body) in Practices)
        {
            await AddAsync(ContentKind.BonnePratique, title, Text.Slugify(title), summary, body + DemoNote, cancellationToken, i =>
            {
                i.Themes = "," + string.Join(',', themes) + ",";
                i.Publics = "," + string.Join(',', publics) + ",";
                (i.Taille, i.Secteur, i.Departement, i.Results) = (taille, secteur, departement, results);
                i.Contact = "Contact de démonstration : rse@entreprise-exemple.invalid";
                i.Tags = "démonstration";
            });
        }

        foreach (var theme in await referentials.GetThemesAsync(cancellationToken))
        {
            var title = $"Thématique {theme.Numero} : les dispositifs à mobiliser";
            await AddAsync(ContentKind.Dispositif, title, $"thematique-{theme.Numero}-dispositifs",
                $"Pour « {Text.Truncate(theme.Libelle, 160)} » : qui peut en bénéficier, comment s’y prendre et à qui s’adresser.",
                $"## Le principe\n\nCette fiche pratique présente les leviers publics mobilisables pour l’engagement « {theme.Libelle} ».\n\n"
                + "## Les étapes\n\n1. Identifier le besoin et le public visé.\n2. Prendre contact avec le service compétent.\n3. Formaliser l’engagement dans le club départemental.\n" + DemoNote,
                cancellationToken, i =>
                {
                    i.Themes = $",{theme.Numero},";
                    i.ServiceCompetent = theme.ServicesCompetents;
                    i.Eligibility = "- Toute entreprise engagée dans le programme, quelle que soit sa taille.\n- Les publics prioritaires de la thématique.";
                    i.HowToApply = "Contactez le référent territorial de votre département, qui vous orientera vers le bon interlocuteur.";
                    i.UsefulLinks = "- [Service-public.fr, espace entreprises](https://entreprendre.service-public.fr)\n- [Travail-emploi.gouv.fr](https://travail-emploi.gouv.fr)";
                    i.Tags = "démonstration";
                });
        }

        foreach (var (title, summary, body) in News)
        {
            await AddAsync(ContentKind.Actualite, title, Text.Slugify(title), summary, body + DemoNote, cancellationToken, i => i.Tags = "démonstration");
        }

        await AddAsync(ContentKind.Page, "À propos du programme", "a-propos", "Le programme « La France, une chance. Les entreprises s’engagent » en quelques mots.",
            "## Un engagement concret\n\nLes entreprises s’engagent, dans chaque département, pour l’inclusion dans l’emploi.\n\n## Des clubs départementaux\n\nLes clubs réunissent entreprises et services de l’État.\n" + DemoNote,
            cancellationToken);
    }

    private async Task AddAsync(ContentKind kind, string title, string slug, string summary, string body, CancellationToken cancellationToken, Action<ContentItem>? more = null)
    {
        var item = new ContentItem { Kind = kind, Status = ContentStatus.Draft, Title = title, Slug = slug, Summary = summary, Body = body };
        more?.Invoke(item);
        await service.SaveAsync(item, Demo, "Contenu de démonstration", cancellationToken);
        await service.PublishAsync(item, null, null, cancellationToken);
    }

    private const string DemoNote = "\n\n*Contenu de démonstration, rédigé pour illustrer le portail.*\n";

    private const string CharterText = """
        > **Texte de démonstration.** Cette charte illustre le portail ; elle ne constitue pas le texte officiel du programme.

        ## Préambule

        Convaincues que l’emploi est la première clé de l’inclusion, les entreprises signataires s’engagent, aux côtés de l’État
        et des acteurs de l’emploi, à ouvrir leurs portes à celles et ceux qui en sont le plus éloignés.

        ## Article 1 — S’engager concrètement

        L’entreprise choisit au moins un engagement parmi les thématiques du programme et fixe des objectifs chiffrés, réalistes
        et suivis dans le temps.

        ## Article 2 — Agir dans son territoire

        L’entreprise participe au club départemental, partage ses pratiques et travaille avec les structures d’intermédiation
        (France Travail, missions locales, Cap emploi, structures de l’insertion par l’activité économique, entreprises adaptées).

        ## Article 3 — Rendre compte

        L’entreprise renseigne chaque année les résultats de ses engagements. Les résultats agrégés sont publiés sur le portail.

        ## Article 4 — Respecter les personnes

        Les actions menées respectent la dignité, la vie privée et l’égalité de traitement des personnes accompagnées.

        ## Article 5 — Durée

        La charte est signée pour une durée indéterminée ; l’entreprise peut s’en retirer à tout moment depuis son espace.
        """;

    private static readonly (string Title, string Summary, int[] Themes, string[] Publics, string Taille, string Secteur, string Departement, string Results, string Body)[] Practices =
    [
        ("Stages de troisième pour les collégiens de REP+", "Une entreprise de logistique accueille chaque année des collégiens de quartiers prioritaires pour leur stage d’observation.",
            [1, 2], ["REPPLUS", "QPV"], "ETI", "TRANSPORT", "93", "- 40 stagiaires accueillis en 2025\n- 92 % de satisfaction des élèves",
            "## L’action\n\nUne semaine de découverte des métiers de l’entrepôt, du transport et des fonctions support, avec un tuteur par élève."),
        ("Un parcours d’apprentissage pour les jeunes des quartiers", "Un groupe bancaire réserve un quart de ses contrats d’apprentissage aux jeunes des QPV.",
            [3], ["JEUNES", "QPV"], "GE", "FINANCE", "69", "- 120 apprentis dont 31 issus de QPV\n- 68 % embauchés à l’issue",
            "## L’action\n\nSessions de recrutement sans CV dans les missions locales et préparation aux entretiens."),
        ("Parrainage de demandeurs d’emploi par des cadres", "Des salariés volontaires parrainent des demandeurs d’emploi pendant six mois.",
            [4], ["DELD", "JEUNES"], "PME", "SERVICES", "59", "- 25 binômes par an\n- 60 % de retour à l’emploi à six mois",
            "## L’action\n\nUn rendez-vous mensuel, un accès au réseau professionnel du parrain et des simulations d’entretien."),
        ("Recruter à la sortie de l’école de la deuxième chance", "Une entreprise du BTP recrute des jeunes sortant de l’E2C après une période de mise en situation.",
            [5, 13], ["JEUNES"], "PME", "CONSTRUCTION", "13", "- 14 recrutements en CDI en deux ans",
            "## L’action\n\nPériodes de mise en situation en milieu professionnel (PMSMP), puis contrat de professionnalisation."),
        ("Achats responsables auprès des structures de l’IAE", "Un industriel confie l’entretien de ses espaces verts à une entreprise d’insertion.",
            [6, 12], ["IAE"], "ETI", "INDUSTRIE", "38", "- 180 000 € d’achats par an\n- 9 postes d’insertion créés",
            "## L’action\n\nUn marché réservé, un suivi trimestriel et des passerelles vers des postes de production."),
        ("Accueillir et maintenir dans l’emploi les travailleurs handicapés", "Une enseigne de distribution adapte ses postes et forme ses managers.",
            [7], ["TH"], "GE", "COMMERCE", "33", "- Taux d’emploi direct porté de 4,1 % à 6,3 %",
            "## L’action\n\n| Étape | Durée |\n|---|---|\n| Diagnostic ergonomique | 1 mois |\n| Formation des managers | 2 jours |\n| Suivi | 12 mois |"),
        ("Emplois francs dans la restauration", "Un groupe de restauration recrute des habitants des quartiers prioritaires en emploi franc.",
            [8], ["QPV"], "ETI", "HEBERGEMENT", "75", "- 45 emplois francs signés",
            "## L’action\n\nJob dating dans les quartiers avec France Travail et formation interne de quatre semaines."),
        ("Intégrer des réfugiés grâce au programme Hope", "Une entreprise agricole accueille des réfugiés en formation qualifiante.",
            [9], ["REFUGIES"], "PME", "AGRICULTURE", "49", "- 12 réfugiés formés, 10 en emploi",
            "## L’action\n\nFrançais à visée professionnelle, formation métier et hébergement accompagné."),
        ("Préparer la sortie de détention par l’emploi", "Un atelier de production en détention prépare des personnes à un emploi à la sortie.",
            [10], ["PPSMJ"], "PME", "INDUSTRIE", "67", "- 8 personnes embauchées à leur sortie",
            "## L’action\n\nTravail en atelier, validation des acquis et promesse d’embauche avant la libération."),
        ("Accès solidaire à l’énergie pour les foyers modestes", "Un fournisseur d’énergie accompagne les foyers en précarité énergétique.",
            [14, 11], ["BRSA"], "GE", "ENERGIE", "62", "- 3 500 foyers accompagnés\n- 15 % d’économie moyenne sur la facture",
            "## L’action\n\nDiagnostics à domicile réalisés par des salariés en insertion et chèques énergie expliqués."),
    ];

    private static readonly (string Title, string Summary, string Body)[] News =
    [
        ("Les clubs départementaux font leur rentrée", "Dans chaque département, les clubs d’entreprises engagées se réunissent pour partager leurs résultats.",
            "## Une rentrée active\n\nLes clubs se sont réunis dans plus de quatre-vingts départements."),
        ("Nouvelles fiches pratiques en ligne", "Les fiches pratiques des quatorze thématiques sont disponibles dans les ressources.",
            "## Des fiches pour agir\n\nChaque fiche présente le dispositif, les publics éligibles et le service de l’État compétent."),
        ("Bilan de la première année du programme", "Les premiers résultats agrégés des engagements des entreprises sont publiés.",
            "## Les chiffres clés\n\n- Entreprises engagées : en hausse\n- Stages de troisième proposés : en hausse"),
    ];
}
