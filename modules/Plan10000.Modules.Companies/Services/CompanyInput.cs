using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Companies.Services;

/// <summary>
/// The checks of what a company types, shared by the sign-up wizard and the company's own space so that a field
/// refused in one is refused in the other with the same French message.
/// </summary>
internal static class CompanyInput
{
    /// <summary>The SIRET: 14 digits, a valid key, and a SIREN not registered yet; returns the taken SIREN, if any.</summary>
    public static async Task<string?> CheckSiretAsync(string? typed, string siret, ModelStateDictionary state, CompanyService companies, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit))
        {
            state.AddModelError(nameof(CompanyStepForm.Siret), "Le numéro SIRET compte 14 chiffres, par exemple 732 829 320 00074.");
        }
        else if (!Siret.IsValidSiret(siret))
        {
            state.AddModelError(nameof(CompanyStepForm.Siret), "Ce numéro SIRET n’est pas valide : vérifiez-le sur votre avis de situation Insee ou votre extrait Kbis.");
        }
        else if (await companies.SirenExistsAsync(siret[..9], cancellationToken))
        {
            state.AddModelError(nameof(CompanyStepForm.Siret), "Une entreprise portant ce numéro SIREN est déjà inscrite : vous ne pouvez pas l’inscrire une seconde fois.");
            return siret[..9];
        }

        return null;
    }

    public static async Task CheckPostcodeAsync(string? postcode, ModelStateDictionary state, IReferentialsQuery referentials, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return;
        }

        var departement = Postcode.Departement(postcode.Trim());
        if (!Postcode.IsWellFormed(postcode.Trim()))
        {
            state.AddModelError(nameof(CompanyStepForm.Postcode), "Saisissez un code postal à 5 chiffres, par exemple 75011.");
        }
        else if (departement is null || await referentials.FindDepartementAsync(departement, cancellationToken) is null)
        {
            state.AddModelError(nameof(CompanyStepForm.Postcode), "Ce code postal ne correspond à aucun département du programme.");
        }
    }

    /// <summary>Size and sector from the referentials, and a web address a visitor can open.</summary>
    public static async Task CheckProfileAsync(string? sizeCode, string? sectorCode, string? website, ModelStateDictionary state, IReferentialsQuery referentials, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(sizeCode) && !(await referentials.GetTaillesEntrepriseAsync(cancellationToken)).Any(t => t.Code == sizeCode))
        {
            state.AddModelError(nameof(ProfileForm.SizeCode), "Choisissez une taille dans la liste.");
        }

        if (!string.IsNullOrEmpty(sectorCode) && !(await referentials.GetSecteursAsync(cancellationToken)).Any(t => t.Code == sectorCode))
        {
            state.AddModelError(nameof(ProfileForm.SectorCode), "Choisissez un secteur dans la liste.");
        }

        if (!string.IsNullOrWhiteSpace(website)
            && !(Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            state.AddModelError(nameof(ProfileForm.Website), "Saisissez une adresse complète, par exemple https://www.exemple.fr.");
        }
    }

    /// <summary>Only the publication items the portal offers; false (with the field error) for anything else.</summary>
    public static bool CheckConsents(IEnumerable<string> consents, ModelStateDictionary state)
    {
        var known = PublicationItems.Labels.Select(l => l.Key).ToHashSet();
        if (consents.All(known.Contains))
        {
            return true;
        }

        state.AddModelError(nameof(ProfileForm.Consents), "Choisissez parmi les éléments proposés.");
        return false;
    }

    /// <summary>One line of the fiche navette; null (with the field errors) when it cannot be kept.</summary>
    public static async Task<CommitmentData?> CommitmentAsync(CommitmentForm form, ModelStateDictionary state, IReferentialsQuery referentials, CancellationToken cancellationToken)
    {
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var publics = (await referentials.GetPublicsAsync(cancellationToken)).Select(p => p.Code).ToHashSet();
        var ok = true;
        void Fail(string field, string message)
        {
            state.AddModelError(field, message);
            ok = false;
        }

        if (!int.TryParse(form.Theme, NumberStyles.None, CultureInfo.InvariantCulture, out var theme) || !themes.Any(t => t.Numero == theme))
        {
            Fail(nameof(form.Theme), "Choisissez une thématique dans la liste.");
        }

        if (form.Publics.Count == 0)
        {
            Fail(nameof(form.Publics), "Choisissez au moins un public.");
        }
        else if (form.Publics.Any(p => !publics.Contains(p)))
        {
            Fail(nameof(form.Publics), "Choisissez parmi les publics proposés.");
        }

        if (string.IsNullOrWhiteSpace(form.Description))
        {
            Fail(nameof(form.Description), "Décrivez votre engagement en quelques phrases.");
        }
        else if (form.Description.Length > 2000)
        {
            Fail(nameof(form.Description), "2 000 caractères au plus.");
        }

        int? quantity = null;
        if (!string.IsNullOrWhiteSpace(form.IntentionQuantity))
        {
            if (int.TryParse(form.IntentionQuantity.Trim().Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is > 0 and <= 1_000_000)
            {
                quantity = q;
            }
            else
            {
                Fail(nameof(form.IntentionQuantity), "Saisissez un nombre entier positif, par exemple 5.");
            }

            if (string.IsNullOrWhiteSpace(form.IntentionUnit))
            {
                Fail(nameof(form.IntentionUnit), "Précisez l’unité, par exemple « apprentis » ou « stagiaires ».");
            }
        }

        if (form.IntentionUnit?.Length > 100)
        {
            Fail(nameof(form.IntentionUnit), "100 caractères au plus.");
        }

        int? year = null;
        if (!string.IsNullOrWhiteSpace(form.IntentionYear))
        {
            if (int.TryParse(form.IntentionYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2018 and <= 2100)
            {
                year = y;
            }
            else
            {
                Fail(nameof(form.IntentionYear), "Saisissez une année sur quatre chiffres, par exemple 2026.");
            }
        }

        return ok ? new CommitmentData(theme, [.. form.Publics.Distinct()], form.Description!.Trim(), quantity, string.IsNullOrWhiteSpace(form.IntentionUnit) ? null : form.IntentionUnit.Trim(), year) : null;
    }

    /// <summary>« 5 apprentis en 2026 », as every page that shows a commitment writes it.</summary>
    public static string Intention(int? quantity, string? unit, int? year)
        => quantity is null ? "—" : $"{quantity} {unit}" + (year is null ? "" : $" en {year}");
}
