using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Jobs;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// The engagement steps of the sign-up wizard: the charter, the fiche navette and the publication, which registers
/// the company. A step not reached yet sends back to the wizard's current step.
/// </summary>
[Area("Companies")]
[Route("inscription")]
[Authorize(Roles = PortalRoles.Company)]
public sealed class SignupEngagementController(
    CompaniesDbContext db,
    IReferentialsQuery referentials,
    IAccountProvisioning accounts,
    IBackgroundJobs jobs,
    TimeProvider clock) : SignupControllerBase(db, referentials, clock)
{
    [HttpPost("charte")]
    public async Task<IActionResult> Charter(CharterStepForm form, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        if (draft.Step < 3)
        {
            return LocalRedirect("/inscription");
        }

        if (!form.Accept.Contains("oui"))
        {
            ModelState.AddModelError(nameof(form.Accept), "Cochez la case pour signer la charte : c’est la condition de l’engagement.");
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync("Charter", 3, data, m => m with { Charter = form }, cancellationToken);
        }

        var charter = await CurrentCharterAsync(cancellationToken);
        data.CharterAccepted = true;
        data.SignerName = form.SignerName.Trim();
        data.SignerRole = form.SignerRole.Trim();
        data.CharterId = charter.Id;
        data.CharterVersion = charter.Version;
        await SaveDraftAsync(draft, data, 4, cancellationToken);
        return LocalRedirect("/inscription");
    }

    /// <summary>Without JavaScript, lines are added one at a time: « Ajouter » keeps the page, « Continuer » moves on.</summary>
    [HttpPost("engagements")]
    public async Task<IActionResult> Commitments(CommitmentForm form, string? operation, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        if (draft.Step < 4)
        {
            return LocalRedirect("/inscription");
        }

        if (operation?.StartsWith("retirer-", StringComparison.Ordinal) == true
            && int.TryParse(operation["retirer-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < data.Commitments.Count)
        {
            data.Commitments.RemoveAt(index);
            await SaveDraftAsync(draft, data, 4, cancellationToken);
            return LocalRedirect("/inscription?etape=4");
        }

        var adding = operation == "ajouter";
        if (adding || !form.IsEmpty)
        {
            var line = await CompanyInput.CommitmentAsync(form, ModelState, Referentials, cancellationToken);
            if (line is null)
            {
                return await InvalidAsync("Commitments", 4, data, m => m with { Commitment = form }, cancellationToken);
            }

            data.Commitments.Add(line);
        }

        if (!adding && data.Commitments.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Description), "Ajoutez au moins un engagement à votre fiche navette.");
            return await InvalidAsync("Commitments", 4, data, m => m with { Commitment = form }, cancellationToken);
        }

        await SaveDraftAsync(draft, data, adding ? 4 : 5, cancellationToken);
        return LocalRedirect(adding ? "/inscription?etape=4" : "/inscription");
    }

    [HttpPost("publication")]
    public async Task<IActionResult> Publication(PublicationStepForm form, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        if (draft.Step < 5)
        {
            return LocalRedirect("/inscription");
        }

        if (!CompanyInput.CheckConsents(form.Consents, ModelState))
        {
            return await InvalidAsync("Publication", 5, data, m => m with { Publication = form }, cancellationToken);
        }

        data.Consents = [.. form.Consents.Distinct()];

        // Another account may have registered the same SIREN while this draft waited.
        if (await Companies.SirenExistsAsync(data.Siret[..9], cancellationToken))
        {
            ModelState.AddModelError("Siret", "Une entreprise portant ce numéro SIREN vient d’être inscrite : vous ne pouvez pas l’inscrire une seconde fois.");
            await SaveDraftAsync(draft, data, 2, cancellationToken);
            return await InvalidAsync("Company", 2, data, m => m with { DuplicateSiren = data.Siret[..9] }, cancellationToken);
        }

        var userId = UserId();
        var company = await Companies.RegisterAsync(data, userId, cancellationToken);
        Db.Drafts.Remove(draft);
        await Db.SaveChangesAsync(cancellationToken);
        await accounts.AddCompanyScopeAsync(userId, company.Id.ToString(), cancellationToken);
        var companyId = company.Id;
        jobs.Enqueue<NewSignupMailJob>(j => j.SendAsync(companyId));
        return LocalRedirect("/inscription/confirmation");
    }
}
