namespace Plan10000.Modules.Companies.Models;

/// <summary>
/// What a company may choose to publish, one consent each. The name, département, size and sector are the
/// showcase entry itself: a company that refuses « Nom » is not listed at all.
/// </summary>
internal static class PublicationItems
{
    public const string TextVersion = "consentement-publication-v1";

    public const string Name = "Nom";
    public const string Address = "Adresse";
    public const string Website = "SiteInternet";
    public const string Commitments = "Engagements";

    /// <summary>Short names for summaries (« Nom, Site internet »).</summary>
    public static IReadOnlyDictionary<string, string> ShortLabels { get; } = new Dictionary<string, string>
    {
        [Name] = "Nom",
        [Address] = "Adresse",
        [Website] = "Site internet",
        [Commitments] = "Engagements",
    };

    public static string StatusLabel(CompanyStatus status) => status switch
    {
        CompanyStatus.Approved => "Inscription validée",
        CompanyStatus.Rejected => "Inscription refusée",
        CompanyStatus.Withdrawn => "Retirée du programme",
        _ => "En attente de validation par le référent",
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Labels { get; } =
    [
        new(Name, "Publier le nom de l’entreprise, son département, sa taille et son secteur dans la vitrine des entreprises engagées"),
        new(Address, "Publier l’adresse postale de l’établissement"),
        new(Website, "Publier le site internet"),
        new(Commitments, "Publier les engagements de la fiche navette (thématiques, publics, descriptions et intentions chiffrées)"),
    ];
}
