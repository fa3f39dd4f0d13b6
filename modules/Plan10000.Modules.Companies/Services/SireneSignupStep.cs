using Microsoft.AspNetCore.Mvc.ModelBinding;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Services;

/// <summary>What the SIRET step does with the register's answer (ADR 0025).</summary>
/// <param name="Show">The step must come back, not move on: the register filled blank fields to confirm, or the visitor only asked for a lookup.</param>
/// <param name="Notice">French notice for the page: what was proposed, or that the register did not answer.</param>
/// <param name="Proposal">What the register holds, shown beside the form so a typed value can be compared with it.</param>
internal sealed record SireneStepOutcome(bool Show, AlertModel? Notice, IReadOnlyList<KeyValuePair<string, string>> Proposal);

/// <summary>
/// The sign-up's SIRET step against the Sirene register, kept out of the wizard's controller: a closed or unknown
/// establishment is refused next to the SIRET field; a found one fills the fields left blank (never one the visitor
/// typed); an unavailable register leaves the key check alone in charge and says so.
/// </summary>
internal sealed class SireneSignupStep(SireneClient client)
{
    /// <summary>The value of the « Rechercher » button (<c>name="operation"</c>): look up and come back, without moving on.</summary>
    public const string LookupOperation = "sirene";

    /// <summary>TempData key of the notice shown on the next step when the register did not answer.</summary>
    public const string NoticeKey = "SireneNotice";

    public const string UnavailableMessage = "Le répertoire Sirene n’a pas répondu à temps : votre numéro SIRET a été contrôlé par sa clé seulement. Votre inscription continue ; le référent de votre département le vérifiera.";

    private static readonly SireneStepOutcome Nothing = new(false, null, []);

    public bool Enabled => client.Enabled;

    public async Task<SireneStepOutcome> CheckAsync(CompanyStepForm form, string siret, string? operation, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var lookupOnly = operation == LookupOperation;
        if (!client.Enabled || modelState.GetFieldValidationState(nameof(form.Siret)) == ModelValidationState.Invalid || siret.Length != 14)
        {
            return lookupOnly ? LookupOnly(modelState, null, []) : Nothing;
        }

        var answer = await client.LookupAsync(siret, cancellationToken);
        switch (answer.Status)
        {
            case SireneStatus.Closed:
                modelState.AddModelError(nameof(form.Siret), "Cet établissement est fermé selon le répertoire Sirene (état administratif « fermé ») : saisissez le SIRET d’un établissement en activité.");
                return lookupOnly ? LookupOnly(modelState, null, []) : Nothing;
            case SireneStatus.Unknown:
                modelState.AddModelError(nameof(form.Siret), "Ce numéro SIRET est introuvable dans le répertoire Sirene : vérifiez-le sur votre avis de situation Insee ou votre extrait Kbis.");
                return lookupOnly ? LookupOnly(modelState, null, []) : Nothing;
            case SireneStatus.Unavailable:
                var unavailable = new AlertModel(AlertKind.Warning, "Répertoire Sirene indisponible", UnavailableMessage);
                return lookupOnly ? LookupOnly(modelState, unavailable, []) : new(false, unavailable, []);
            case SireneStatus.Open when answer.Establishment is { } found:
                var filled = Fill(form, found, modelState);
                var proposal = Proposal(found);
                var notice = new AlertModel(AlertKind.Info, "Informations proposées par le répertoire Sirene",
                    filled ? "Les champs vides ont été remplis avec les informations du répertoire Sirene : vérifiez-les, modifiez-les si besoin, puis enregistrez." : "Vos saisies sont conservées ; comparez-les avec les informations du répertoire ci-dessous.");
                return lookupOnly ? LookupOnly(modelState, notice, proposal) : new(filled, filled ? notice : null, proposal);
            default:
                return Nothing;
        }
    }

    /// <summary>A lookup alone checks the SIRET only: the other fields have not been filled in yet, so their errors would only be noise.</summary>
    private static SireneStepOutcome LookupOnly(ModelStateDictionary modelState, AlertModel? notice, IReadOnlyList<KeyValuePair<string, string>> proposal)
    {
        foreach (var key in modelState.Keys.Where(k => k != nameof(CompanyStepForm.Siret)).ToList())
        {
            modelState.Remove(key);
        }

        return new(true, notice, proposal);
    }

    private static bool Fill(CompanyStepForm form, SireneEstablishment found, ModelStateDictionary modelState)
    {
        var filled = false;
        void Set(string field, string current, string? proposed, Action<string> apply)
        {
            if (string.IsNullOrWhiteSpace(current) && !string.IsNullOrWhiteSpace(proposed))
            {
                apply(proposed.Trim());
                modelState.Remove(field);
                filled = true;
            }
        }

        Set(nameof(form.Name), form.Name, found.Name, v => form.Name = v);
        Set(nameof(form.Address), form.Address, found.Address, v => form.Address = v);
        Set(nameof(form.Postcode), form.Postcode, found.Postcode, v => form.Postcode = v);
        Set(nameof(form.City), form.City, found.City, v => form.City = v);
        Set(nameof(form.NafCode), form.NafCode ?? "", found.NafCode, v => form.NafCode = v);
        Set(nameof(form.SizeCode), form.SizeCode, found.SizeCode, v => form.SizeCode = v);
        Set(nameof(form.SectorCode), form.SectorCode, found.SectorCode, v => form.SectorCode = v);
        return filled;
    }

    private static List<KeyValuePair<string, string>> Proposal(SireneEstablishment found) =>
    [
        new("Nom", found.Name),
        new("Adresse", $"{found.Address}, {found.Postcode} {found.City}"),
        new("Activité principale (code NAF)", found.NafCode ?? "non renseignée"),
        new("Tranche d’effectif salarié", SireneClient.SizeBandLabel(found.SizeBand) ?? "non renseignée"),
    ];
}
