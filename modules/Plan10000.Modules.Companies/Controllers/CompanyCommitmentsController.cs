using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>The fiche navette in « Mon entreprise »: the company adds and removes commitments and reports their results.</summary>
[Area("Companies")]
[Route("mon-entreprise")]
[Authorize]
public sealed class CompanyCommitmentsController(CompaniesDbContext db, IAccessScope scope, IReferentialsQuery referentials, TimeProvider clock)
    : CompanySpaceControllerBase(db, scope, clock)
{
    [HttpPost("engagements")]
    public async Task<IActionResult> AddCommitment(CommitmentForm form, CancellationToken cancellationToken)
    {
        var company = await OwnCompanyAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        var line = await CompanyInput.CommitmentAsync(form, ModelState, referentials, cancellationToken);
        if (line is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(SpaceView, await Page.BuildAsync(company, form, cancellationToken));
        }

        await Companies.AddCommitmentAsync(company, line, UserId(), cancellationToken);
        TempData["Success"] = $"Engagement ajouté : votre fiche navette passe à la version {company.FicheVersion}.";
        return LocalRedirect("/mon-entreprise");
    }

    [HttpPost("engagements/{id:guid}/retirer")]
    public async Task<IActionResult> RemoveCommitment(Guid id, CancellationToken cancellationToken)
    {
        var (company, commitment) = await CommitmentAsync(id, cancellationToken);
        if (company is null || commitment is null)
        {
            return NotFound();
        }

        await Companies.RemoveCommitmentAsync(company, commitment, UserId(), cancellationToken);
        TempData["Success"] = $"Engagement retiré : votre fiche navette passe à la version {company.FicheVersion}.";
        return LocalRedirect("/mon-entreprise");
    }

    [HttpGet("engagements/{id:guid}/resultat")]
    public async Task<IActionResult> Result(Guid id, CancellationToken cancellationToken)
    {
        var (_, commitment) = await CommitmentAsync(id, cancellationToken);
        return commitment is null
            ? NotFound()
            : View(await ResultModelAsync(commitment, new ResultForm { ResultQuantity = commitment.ResultQuantity?.ToString(CultureInfo.InvariantCulture), ResultComment = commitment.ResultComment }, cancellationToken));
    }

    [HttpPost("engagements/{id:guid}/resultat")]
    public async Task<IActionResult> Result(Guid id, ResultForm form, CancellationToken cancellationToken)
    {
        var (company, commitment) = await CommitmentAsync(id, cancellationToken);
        if (company is null || commitment is null)
        {
            return NotFound();
        }

        int? quantity = null;
        if (!string.IsNullOrWhiteSpace(form.ResultQuantity))
        {
            if (int.TryParse(form.ResultQuantity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q <= 1_000_000)
            {
                quantity = q;
            }
            else
            {
                ModelState.AddModelError(nameof(form.ResultQuantity), "Saisissez un nombre entier positif ou nul, par exemple 3.");
            }
        }
        else if (string.IsNullOrWhiteSpace(form.ResultComment))
        {
            ModelState.AddModelError(nameof(form.ResultQuantity), "Saisissez un résultat chiffré ou un commentaire.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ResultModelAsync(commitment, form, cancellationToken));
        }

        commitment.ResultQuantity = quantity;
        commitment.ResultComment = string.IsNullOrWhiteSpace(form.ResultComment) ? null : form.ResultComment.Trim();
        commitment.ResultReportedAt = Clock.GetUtcNow();
        await Db.SaveChangesAsync(cancellationToken);
        await Companies.EditedAsync(company, cancellationToken);
        TempData["Success"] = "Résultat enregistré.";
        return LocalRedirect("/mon-entreprise");
    }

    /// <summary>A line of the account's own fiche; none for another company's line.</summary>
    private async Task<(Company? Company, Commitment? Commitment)> CommitmentAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await OwnCompanyAsync(cancellationToken);
        return (company, company?.Commitments.SingleOrDefault(c => c.Id == id));
    }

    private async Task<ResultViewModel> ResultModelAsync(Commitment commitment, ResultForm form, CancellationToken cancellationToken)
    {
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        return new(commitment.Id, $"{commitment.ThemeNumero}. {themes.GetValueOrDefault(commitment.ThemeNumero, "")}", commitment.Description, CompanyInput.Intention(commitment.IntentionQuantity, commitment.IntentionUnit, commitment.IntentionYear), form);
    }
}
