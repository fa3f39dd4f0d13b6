using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Modules.Content.ViewModels;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Content;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Content.Controllers;

/// <summary>The public territorial kit of a département.</summary>
[Area("Content")]
public sealed class TerritoryController(ContentDbContext db, IReferentialsQuery referentials, IAccessScope scope, IAuthorizationService authorization) : Controller
{
    // The module's services are internal: a public controller takes them from the request's services rather than its constructor.
    private ContentReader Reader => HttpContext.RequestServices.GetRequiredService<ContentReader>();

    [HttpGet("territoires/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var departement = await referentials.FindDepartementAsync(code, cancellationToken);
        if (departement is null)
        {
            return NotFound();
        }

        var kit = await db.Kits.AsNoTracking().FirstOrDefaultAsync(k => k.DepartementCode == departement.Code, cancellationToken);
        var contacts = await db.KitContacts.AsNoTracking().Where(c => c.DepartementCode == departement.Code).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var sheets = await Reader.Published(ContentKind.Dispositif).OrderBy(i => i.Title).ToListAsync(cancellationToken);
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var canEdit = (await authorization.AuthorizeAsync(User, PermissionPolicy.Prefix + Permissions.EditTerritorialKit)).Succeeded && scope.CanActOnDepartement(User, departement.Code);
        return View(new KitViewModel(
            departement,
            KitAdminController.Figures(kit),
            [.. themes.Select(t => (t, (IReadOnlyList<CardModel>)[.. sheets.Where(s => s.ThemeNumbers.Contains(t.Numero))
                .Select(s => new CardModel(s.Title, ContentKinds.PublicUrl(s.Kind, s.Slug), s.Summary, s.ServiceCompetent is null ? null : "Service compétent : " + s.ServiceCompetent))]))],
            [.. Structures.All.Select(s => (s.Value, (IReadOnlyList<KitContactForm>)[.. contacts.Where(c => c.Structure == s.Key).Select(KitAdminController.ToForm)]))],
            canEdit,
            kit is null ? null : ParisTime.Date(kit.UpdatedAt)));
    }
}

/// <summary>
/// Editing a kit: the permission opens the door, then IAccessScope decides the département — a referent of
/// département A gets 403 on département B, whatever the URL says.
/// </summary>
[Area("Content")]
[Route("admin/territoires")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.EditTerritorialKit)]
public sealed class KitAdminController(ContentDbContext db, IReferentialsQuery referentials, IAccessScope scope, IEventPublisher events, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var all = await referentials.GetDepartementsAsync(cancellationToken);
        return View(new KitIndexViewModel([.. all.Where(d => scope.CanActOnDepartement(User, d.Code))]));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken cancellationToken)
    {
        var (departement, denied) = await CheckAsync(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var kit = await db.Kits.AsNoTracking().FirstOrDefaultAsync(k => k.DepartementCode == departement!.Code, cancellationToken);
        return View(await ModelAsync(departement!, Figures(kit), new KitContactForm(), cancellationToken));
    }

    [HttpPost("{code}")]
    public async Task<IActionResult> Edit(string code, KitFigures figures, CancellationToken cancellationToken)
    {
        var (departement, denied) = await CheckAsync(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        int? Number(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value.Replace(" ", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            ModelState.AddModelError(field, "Saisissez un nombre entier positif (chiffres uniquement).");
            return null;
        }

        var qpv = Number(figures.QpvCount, nameof(figures.QpvCount));
        var population = Number(figures.QpvPopulation, nameof(figures.QpvPopulation));
        var defm = Number(figures.DefmQpv, nameof(figures.DefmQpv));
        var pru = Number(figures.PruCount, nameof(figures.PruCount));
        if (figures.Introduction is { Length: > 4000 })
        {
            ModelState.AddModelError(nameof(figures.Introduction), "4 000 caractères au plus.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ModelAsync(departement!, figures, new KitContactForm(), cancellationToken));
        }

        var kit = await db.Kits.FirstOrDefaultAsync(k => k.DepartementCode == departement!.Code, cancellationToken);
        if (kit is null)
        {
            db.Kits.Add(kit = new TerritorialKit { DepartementCode = departement!.Code });
        }

        (kit.QpvCount, kit.QpvPopulation, kit.DefmQpv, kit.PruCount) = (qpv, population, defm, pru);
        kit.Introduction = string.IsNullOrWhiteSpace(figures.Introduction) ? null : figures.Introduction.Trim();
        kit.UpdatedAt = clock.GetUtcNow();
        kit.UpdatedBy = User.Identity?.Name ?? "";
        await db.SaveChangesAsync(cancellationToken);
        await KitChangedAsync(departement!.Code, cancellationToken);
        TempData["Success"] = "Chiffres du kit territorial enregistrés.";
        return Redirect($"/admin/territoires/{departement!.Code}");
    }

    [HttpPost("{code}/contacts")]
    public async Task<IActionResult> AddContact(string code, KitContactForm contact, CancellationToken cancellationToken)
    {
        var (departement, denied) = await CheckAsync(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (Structures.All.All(s => s.Key != contact.Structure))
        {
            ModelState.AddModelError("Contact.Structure", "Choisissez une structure.");
        }

        if (string.IsNullOrWhiteSpace(contact.Name) || contact.Name.Length > 200)
        {
            ModelState.AddModelError("Contact.Name", "Saisissez le nom du contact (200 caractères au plus).");
        }

        if (!string.IsNullOrWhiteSpace(contact.Email) && (contact.Email.Length > 200 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(contact.Email)))
        {
            ModelState.AddModelError("Contact.Email", "Adresse électronique invalide (200 caractères au plus), par exemple nom@exemple.fr.");
        }

        if (contact.Phone is { Length: > 30 })
        {
            ModelState.AddModelError("Contact.Phone", "30 caractères au plus.");
        }

        if (contact.Address is { Length: > 300 })
        {
            ModelState.AddModelError("Contact.Address", "300 caractères au plus.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var kit = await db.Kits.AsNoTracking().FirstOrDefaultAsync(k => k.DepartementCode == departement!.Code, cancellationToken);
            return View("Edit", await ModelAsync(departement!, Figures(kit), contact, cancellationToken));
        }

        db.KitContacts.Add(new KitContact
        {
            DepartementCode = departement!.Code,
            Structure = contact.Structure!,
            Name = contact.Name!.Trim(),
            Email = contact.Email?.Trim(),
            Phone = contact.Phone?.Trim(),
            Address = contact.Address?.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await KitChangedAsync(departement.Code, cancellationToken);
        TempData["Success"] = "Contact ajouté.";
        return Redirect($"/admin/territoires/{departement.Code}");
    }

    [HttpPost("{code}/contacts/{id:int}/supprimer")]
    public async Task<IActionResult> DeleteContact(string code, int id, CancellationToken cancellationToken)
    {
        var (departement, denied) = await CheckAsync(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        // The contact must belong to the département checked above, not merely exist.
        var contact = await db.KitContacts.FirstOrDefaultAsync(c => c.Id == id && c.DepartementCode == departement!.Code, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        db.KitContacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        await KitChangedAsync(departement!.Code, cancellationToken);
        TempData["Success"] = "Contact supprimé.";
        return Redirect($"/admin/territoires/{departement!.Code}");
    }

    private Task KitChangedAsync(string departement, CancellationToken cancellationToken)
        => events.PublishAsync(new TerritorialKitChanged(departement), cancellationToken);

    internal static KitFigures Figures(TerritorialKit? kit) => new()
    {
        QpvCount = kit?.QpvCount?.ToString(CultureInfo.InvariantCulture),
        QpvPopulation = kit?.QpvPopulation?.ToString(CultureInfo.InvariantCulture),
        DefmQpv = kit?.DefmQpv?.ToString(CultureInfo.InvariantCulture),
        PruCount = kit?.PruCount?.ToString(CultureInfo.InvariantCulture),
        Introduction = kit?.Introduction,
    };

    internal static KitContactForm ToForm(KitContact c) => new() { Id = c.Id, Structure = c.Structure, Name = c.Name, Email = c.Email, Phone = c.Phone, Address = c.Address };

    /// <summary>The kit's département, or the refusal: 404 when unknown, 403 outside the referent's départements.</summary>
    private Task<InScope<DepartementInfo>> CheckAsync(string code, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(referentials.FindDepartementAsync(code, cancellationToken), d => ScopeOwner.OfDepartement(d.Code));

    private async Task<KitEditViewModel> ModelAsync(DepartementInfo departement, KitFigures figures, KitContactForm newContact, CancellationToken cancellationToken)
    {
        var contacts = await db.KitContacts.AsNoTracking().Where(c => c.DepartementCode == departement.Code).OrderBy(c => c.Structure).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return new KitEditViewModel(departement, figures, [.. contacts.Select(ToForm)], newContact);
    }
}
