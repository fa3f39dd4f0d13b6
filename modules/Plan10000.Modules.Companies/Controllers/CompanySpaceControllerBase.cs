using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Common ground of « Mon entreprise »: the company comes from the account's company scope claim, never from the URL,
/// and is loaded through ScopedLoading (the one scope rule, ADR 0014) before anything is read or written. An account
/// without a company is sent to the wizard from a page, refused (403) a change, and answered 404 for a line of a
/// fiche it has not got: each action says which.
/// </summary>
public abstract class CompanySpaceControllerBase(CompaniesDbContext db, IAccessScope scope, TimeProvider clock) : Controller
{
    private protected const string SpaceView = "~/Areas/Companies/Views/CompanySpace/Index.cshtml";

    private protected CompaniesDbContext Db => db;

    private protected TimeProvider Clock => clock;

    /// <summary>Resolved per request: the services are internal to the module, so a public controller cannot take them in its constructor.</summary>
    private protected CompanyService Companies => HttpContext.RequestServices.GetRequiredService<CompanyService>();

    private protected CompanySpacePage Page => HttpContext.RequestServices.GetRequiredService<CompanySpacePage>();

    private protected string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private protected async Task<Company?> OwnCompanyAsync(CancellationToken cancellationToken)
    {
        var id = scope.OwnCompanyId(User);
        var loaded = await this.LoadInScopeAsync(
            id is null ? Task.FromResult<Company?>(null) : db.Companies.Include(c => c.Commitments).Include(c => c.Consents).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken),
            c => ScopeOwner.OfCompany(c.Id, c.DepartementCode));
        return loaded.Value;
    }
}
