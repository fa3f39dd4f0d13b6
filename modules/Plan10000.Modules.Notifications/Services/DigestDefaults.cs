using Plan10000.Modules.Notifications.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Notifications.Services;

/// <summary>What a user receives before choosing: referents a daily follow-up, animators a weekly club digest, nothing else.</summary>
internal static class DigestDefaults
{
    public static DigestFrequency For(string category, IReadOnlyCollection<string> roles) => category switch
    {
        DigestCategories.Territoire when roles.Contains(PortalRoles.TerritorialReferent) => DigestFrequency.Daily,
        DigestCategories.Clubs when roles.Contains(PortalRoles.ClubAnimator) => DigestFrequency.Weekly,
        _ => DigestFrequency.None,
    };
}
