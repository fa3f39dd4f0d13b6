using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Jobs;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// The sign-up wizard's entry and its first two steps: the account (with the confirmation of its address) and the
/// company's identity. The later steps are <see cref="SignupEngagementController"/>'s.
/// </summary>
[Area("Companies")]
[Route("inscription")]
public sealed class SignupController(
    CompaniesDbContext db,
    IReferentialsQuery referentials,
    IAccountProvisioning accounts,
    IBackgroundJobs jobs,
    TimeProvider clock) : SignupControllerBase(db, referentials, clock)
{
    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(int? etape, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return View("Account", await BuildAsync(1, new SignupData(), cancellationToken));
        }

        if (User.HasClaim(c => c.Type == ScopeClaims.Company))
        {
            return LocalRedirect("/mon-entreprise");
        }

        if (!User.IsInRole(PortalRoles.Company))
        {
            return View("NotACompany");
        }

        var (draft, data) = await LoadDraftAsync(cancellationToken);
        var step = etape is >= 2 && etape <= draft.Step ? etape.Value : draft.Step;
        var model = await BuildAsync(step, data, cancellationToken);
        return View(ViewFor(step), model);
    }

    [HttpPost("compte")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> Account(AccountStepForm form, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect("/inscription");
        }

        if (ModelState.IsValid && await accounts.ExistsAsync(form.Email, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.Email), "Un compte existe déjà avec cette adresse : connectez-vous pour reprendre votre inscription.");
        }

        if (ModelState.IsValid)
        {
            var created = await accounts.CreateCompanyUserAsync(form.Email, form.ContactName, form.Password, cancellationToken);
            if (created.Succeeded)
            {
                await accounts.SignInAsync(created.UserId!, cancellationToken);
                var userId = created.UserId!;
                jobs.Enqueue<AccountConfirmationMailJob>(j => j.SendAsync(userId));
                Db.Drafts.Add(new SignupDraft { UserId = created.UserId!, Step = 2, PayloadJson = "{}", UpdatedAt = Clock.GetUtcNow() });
                await Db.SaveChangesAsync(cancellationToken);
                return LocalRedirect("/inscription");
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error);
            }
        }

        form.Password = "";
        return await InvalidAsync("Account", 1, new SignupData(), m => m with { Account = form }, cancellationToken);
    }

    /// <summary>The link of the confirmation mail; works signed in or not, from any browser.</summary>
    [HttpGet("confirmer-adresse")]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmEmail(string? compte, string? code, CancellationToken cancellationToken)
    {
        var confirmed = !string.IsNullOrEmpty(compte) && !string.IsNullOrEmpty(code) && await accounts.ConfirmEmailAsync(compte, code, cancellationToken);
        if (!confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("EmailConfirmed", confirmed);
    }

    [HttpPost("entreprise")]
    [Authorize(Roles = PortalRoles.Company)]
    public async Task<IActionResult> Company(CompanyStepForm form, string? operation, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        var siret = Siret.Normalize(form.Siret);
        var duplicate = await CompanyInput.CheckSiretAsync(form.Siret, siret, ModelState, Companies, cancellationToken);

        // Sirene register (ADR 0025), all in SireneSignupStep: refuses closed or unknown establishments, fills blank fields.
        var sirene = await HttpContext.RequestServices.GetRequiredService<SireneSignupStep>().CheckAsync(form, siret, operation, ModelState, cancellationToken);
        await CompanyInput.CheckPostcodeAsync(form.Postcode, ModelState, Referentials, cancellationToken);
        await CompanyInput.CheckProfileAsync(form.SizeCode, form.SectorCode, form.Website, ModelState, Referentials, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync("Company", 2, data, m => m with { Company = form, DuplicateSiren = duplicate, SireneNotice = sirene.Notice, SireneProposal = sirene.Proposal }, cancellationToken);
        }

        if (sirene.Show)
        {
            return View("~/Areas/Companies/Views/Signup/Company.cshtml", await BuildAsync(2, data, cancellationToken) with { Company = form, SireneNotice = sirene.Notice, SireneProposal = sirene.Proposal });
        }

        data.Siret = siret;
        data.Name = form.Name.Trim();
        data.SizeCode = form.SizeCode;
        data.SectorCode = form.SectorCode;
        data.Address = form.Address.Trim();
        data.Postcode = form.Postcode.Trim();
        data.City = form.City.Trim();
        data.Website = string.IsNullOrWhiteSpace(form.Website) ? null : form.Website.Trim();
        data.NafCode = NafCode.Normalize(form.NafCode);
        await SaveDraftAsync(draft, data, 3, cancellationToken);
        if (sirene.Notice is { Message: { } notice })
        {
            TempData[SireneSignupStep.NoticeKey] = notice;
        }

        return LocalRedirect("/inscription");
    }

    [HttpGet("confirmation")]
    [Authorize(Roles = PortalRoles.Company)]
    public IActionResult Done() => View();
}
