using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>
/// The role and scope of the back office's user form: checked alike on invitation and on edit, and stored as the
/// claims that <see cref="AccessScope"/> reads.
/// </summary>
internal static class UserScopes
{
    private static readonly string[] ScopedRoles = [PortalRoles.TerritorialReferent, PortalRoles.IntermediationActor];

    /// <param name="referentials">Null when the Referentials module is switched off: codes are then taken as typed.</param>
    public static async Task ValidateAsync(UserForm form, IReadOnlyList<string> departements, ModelStateDictionary state, IReferentialsQuery? referentials, CancellationToken cancellationToken)
    {
        if (!PortalRoles.All.Contains(form.Role))
        {
            state.AddModelError(nameof(form.Role), "Choisissez un rôle de la liste.");
        }

        if (ScopedRoles.Contains(form.Role) && departements.Count == 0)
        {
            state.AddModelError(nameof(form.Departements), "Indiquez au moins un département pour ce rôle.");
        }

        if (referentials is not null && departements.Count > 0)
        {
            var known = (await referentials.GetDepartementsAsync(cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = departements.Where(d => !known.Contains(d)).ToList();
            if (unknown.Count > 0)
            {
                state.AddModelError(nameof(form.Departements), $"Département inconnu : {string.Join(", ", unknown)}. Utilisez les codes officiels (75, 2A, 971…).");
            }
        }
    }

    public static async Task ReplaceAsync(UserManager<PortalUser> users, PortalUser user, IReadOnlyList<string> departements, string? club)
    {
        var old = (await users.GetClaimsAsync(user)).Where(c => c.Type is ScopeClaims.Departement or ScopeClaims.Club).ToList();
        if (old.Count > 0)
        {
            await users.RemoveClaimsAsync(user, old);
        }

        var claims = departements.Select(d => new Claim(ScopeClaims.Departement, d)).ToList();
        if (!string.IsNullOrWhiteSpace(club))
        {
            claims.Add(new Claim(ScopeClaims.Club, club.Trim()));
        }

        if (claims.Count > 0)
        {
            await users.AddClaimsAsync(user, claims);
        }
    }
}
