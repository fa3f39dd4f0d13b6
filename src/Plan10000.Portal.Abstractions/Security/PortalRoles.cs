namespace Plan10000.Portal.Abstractions.Security;

/// <summary>The programme's roles. Names are stable identifiers; labels are what users read.</summary>
public static class PortalRoles
{
    public const string NationalAdmin = "AdministrateurNational";
    public const string TerritorialReferent = "ReferentTerritorial";
    public const string IntermediationActor = "ActeurIntermediation";
    public const string Editor = "Redacteur";
    public const string ClubAnimator = "AnimateurClub";
    public const string Company = "Entreprise";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [NationalAdmin] = "Administrateur national",
        [TerritorialReferent] = "Référent territorial",
        [IntermediationActor] = "Acteur de l'intermédiation",
        [Editor] = "Rédacteur",
        [ClubAnimator] = "Animateur de club",
        [Company] = "Entreprise",
    };

    public static IReadOnlyList<string> All { get; } = [.. Labels.Keys];
}
