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

/// <summary>The company's profile in « Mon entreprise »: size, sector, NAF code, address, website and what the showcase may publish.</summary>
[Area("Companies")]
[Route("mon-entreprise")]
[Authorize]
public sealed class CompanyProfileController(CompaniesDbContext db, IAccessScope scope, IReferentialsQuery referentials, TimeProvider clock)
    : CompanySpaceControllerBase(db, scope, clock)
{
    [HttpGet("profil")]
    public async Task<IActionResult> Profile(CancellationToken cancellationToken)
    {
        var company = await OwnCompanyAsync(cancellationToken);
        if (company is null)
        {
            return LocalRedirect("/inscription");
        }

        var form = new ProfileForm
        {
            SizeCode = company.SizeCode,
            SectorCode = company.SectorCode,
            Address = company.Address,
            City = company.City,
            Website = company.Website,
            NafCode = company.NafCode,
            Consents = [.. company.Consents.Where(c => c.Granted).Select(c => c.Item)],
        };
        return View(await ProfileModelAsync(company, form, cancellationToken));
    }

    [HttpPost("profil")]
    public async Task<IActionResult> Profile(ProfileForm form, CancellationToken cancellationToken)
    {
        var company = await OwnCompanyAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        await CompanyInput.CheckProfileAsync(form.SizeCode, form.SectorCode, form.Website, ModelState, referentials, cancellationToken);
        CompanyInput.CheckConsents(form.Consents, ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ProfileModelAsync(company, form, cancellationToken));
        }

        company.SizeCode = form.SizeCode;
        company.SectorCode = form.SectorCode;
        company.Address = form.Address.Trim();
        company.City = form.City.Trim();
        company.Website = string.IsNullOrWhiteSpace(form.Website) ? null : form.Website.Trim();
        company.NafCode = NafCode.Normalize(form.NafCode);
        CompanyService.SetConsents(company, form.Consents, Clock.GetUtcNow());
        CompanyService.RefreshSearchText(company);
        await Db.SaveChangesAsync(cancellationToken);
        await Companies.EditedAsync(company, cancellationToken);
        TempData["Success"] = "Profil enregistré.";
        return LocalRedirect("/mon-entreprise");
    }

    private async Task<ProfileViewModel> ProfileModelAsync(Company company, ProfileForm form, CancellationToken cancellationToken)
        => new(
            company.Name,
            form,
            [.. (await referentials.GetTaillesEntrepriseAsync(cancellationToken)).Select(s => new KeyValuePair<string, string>(s.Code, s.Libelle))],
            [.. (await referentials.GetSecteursAsync(cancellationToken)).Select(s => new KeyValuePair<string, string>(s.Code, s.Libelle))],
            PublicationItems.Labels);
}
