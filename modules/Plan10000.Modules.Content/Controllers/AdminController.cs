using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Modules.Content.ViewModels;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Content.Controllers;

/// <summary>Writing, reviewing and publishing content. Writing needs EditContent; publishing needs PublishContent, checked again on each action.</summary>
[Area("Content")]
[Route("admin/contenus")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.EditContent)]
public sealed class AdminController(ContentDbContext db, IAuthorizationService authorization) : Controller
{
    // The module's services are internal: a public controller takes them from the request's services rather than its constructor.
    private ContentService Service => HttpContext.RequestServices.GetRequiredService<ContentService>();

    private ContentFormMapper Mapper => HttpContext.RequestServices.GetRequiredService<ContentFormMapper>();

    private PageBuilder Pages => HttpContext.RequestServices.GetRequiredService<PageBuilder>();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? type, string? statut, string? q, CancellationToken cancellationToken)
    {
        var items = db.Items.AsNoTracking();
        if (type is not null && ContentKinds.TryParseSlug(type, out var kind))
        {
            items = items.Where(i => i.Kind == kind);
        }

        if (statut is not null && Enum.TryParse<ContentStatus>(statut, true, out var status))
        {
            items = items.Where(i => i.Status == status);
        }

        foreach (var word in Text.Normalize(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            items = items.Where(i => i.SearchText.Contains(word));
        }

        var list = await items.OrderByDescending(i => i.UpdatedAt).Take(200).ToListAsync(cancellationToken);
        return View(new AdminListViewModel(
            [.. list.Select(i => new CardModel(i.Title, $"/admin/contenus/{i.Id}", i.Summary,
                $"{ContentKinds.Label(i.Kind)} — {ContentKinds.StatusLabel(i.Status)}{(i.PublishAt is { } at ? " — publication programmée le " + ParisTime.Display(at) : "")} — modifié le {ParisTime.Display(i.UpdatedAt)}"))],
            type, statut, q));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> Create(string? type, CancellationToken cancellationToken)
    {
        if (type is null || !ContentKinds.TryParseSlug(type, out var kind))
        {
            return View("ChooseKind");
        }

        return View("Edit", await EditModelAsync(null, kind, ContentStatus.Draft, new ContentForm(), null, null, cancellationToken));
    }

    [HttpPost("nouveau")]
    public async Task<IActionResult> Create(string? type, ContentForm form, CancellationToken cancellationToken)
    {
        if (type is null || !ContentKinds.TryParseSlug(type, out var kind))
        {
            return BadRequest();
        }

        var lookups = await Pages.LookupsAsync(cancellationToken);
        await Mapper.ValidateAsync(form, kind, null, lookups, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await EditModelAsync(null, kind, ContentStatus.Draft, form, null, null, cancellationToken));
        }

        var item = new ContentItem { Kind = kind, Status = ContentStatus.Draft };
        ContentFormMapper.Apply(form, item);
        await Service.SaveAsync(item, await ActorAsync(), "Création", cancellationToken);
        TempData["Success"] = "Brouillon enregistré.";
        return Redirect($"/admin/contenus/{item.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var item = await db.Items.FindAsync([id], cancellationToken);
        return item is null ? NotFound() : View(await EditModelAsync(item, item.Kind, item.Status, ContentFormMapper.ToForm(item), cancellationToken: cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, ContentForm form, CancellationToken cancellationToken)
    {
        var item = await db.Items.FindAsync([id], cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var lookups = await Pages.LookupsAsync(cancellationToken);
        await Mapper.ValidateAsync(form, item.Kind, id, lookups, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await EditModelAsync(item, item.Kind, item.Status, form, cancellationToken: cancellationToken));
        }

        var wasOnline = item.Status == ContentStatus.Published;
        ContentFormMapper.Apply(form, item);
        await Service.SaveAsync(item, await ActorAsync(), "Modification", cancellationToken);
        TempData["Success"] = item.Status == ContentStatus.Published ? "Modifications enregistrées et en ligne."
            : wasOnline ? "Modifications enregistrées. Le contenu repasse en brouillon : soumettez-le pour qu’il soit publié à nouveau."
            : "Modifications enregistrées.";
        return Redirect($"/admin/contenus/{id}");
    }

    [HttpPost("{id:int}/soumettre")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        var item = await db.Items.FindAsync([id], cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        await Service.SubmitAsync(item, cancellationToken);
        TempData["Success"] = "Contenu soumis à validation.";
        return Redirect($"/admin/contenus/{id}");
    }

    [HttpPost("{id:int}/publier")]
    public async Task<IActionResult> Publish(int id, string? publishAt, string? unpublishAt, CancellationToken cancellationToken)
    {
        if (!await CanPublishAsync())
        {
            return Forbid();
        }

        var item = await db.Items.FindAsync([id], cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!ParisTime.TryParse(publishAt, out var at))
        {
            ModelState.AddModelError("publishAt", "Date de publication invalide : utilisez le format aaaa-mm-jj hh:mm, par exemple 2026-03-15 09:30 (heure de Paris).");
        }

        if (!ParisTime.TryParse(unpublishAt, out var until))
        {
            ModelState.AddModelError("unpublishAt", "Date de dépublication invalide : utilisez le format aaaa-mm-jj hh:mm, par exemple 2026-03-15 09:30 (heure de Paris).");
        }
        else if (until is not null && until <= (at ?? DateTimeOffset.UtcNow))
        {
            ModelState.AddModelError("unpublishAt", "La dépublication doit venir après la publication.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await EditModelAsync(item, item.Kind, item.Status, ContentFormMapper.ToForm(item), publishAt, unpublishAt, cancellationToken));
        }

        await Service.PublishAsync(item, at, until, cancellationToken);
        TempData["Success"] = item.Status == ContentStatus.Published ? "Contenu publié." : $"Publication programmée le {ParisTime.Display(item.PublishAt!.Value)}.";
        return Redirect($"/admin/contenus/{id}");
    }

    [HttpPost("{id:int}/depublier")]
    public Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) => TakeDownAsync(id, false, cancellationToken);

    [HttpPost("{id:int}/archiver")]
    public Task<IActionResult> Archive(int id, CancellationToken cancellationToken) => TakeDownAsync(id, true, cancellationToken);

    private async Task<IActionResult> TakeDownAsync(int id, bool archive, CancellationToken cancellationToken)
    {
        if (!await CanPublishAsync())
        {
            return Forbid();
        }

        var item = await db.Items.FindAsync([id], cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        await Service.UnpublishAsync(item, archive, cancellationToken);
        TempData["Success"] = archive ? "Contenu archivé." : "Contenu dépublié.";
        return Redirect($"/admin/contenus/{id}");
    }

    [HttpGet("{id:int}/historique")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var versions = await db.Versions.AsNoTracking().Where(v => v.ContentItemId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return View(new HistoryViewModel(id, item.Title, [.. versions.Select(v => new VersionRow(v.Number, v.AuthorName, ParisTime.Display(v.CreatedAt), v.Note))]));
    }

    [HttpGet("{id:int}/comparer")]
    public async Task<IActionResult> Compare(int id, int de, int a, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var versions = await db.Versions.AsNoTracking().Where(v => v.ContentItemId == id && (v.Number == de || v.Number == a)).ToListAsync(cancellationToken);
        var before = versions.FirstOrDefault(v => v.Number == de) is { } x ? ContentSnapshot.Parse(x.Snapshot) : null;
        var after = versions.FirstOrDefault(v => v.Number == a) is { } y ? ContentSnapshot.Parse(y.Snapshot) : null;
        if (item is null || before is null || after is null)
        {
            return NotFound();
        }

        var fields = before.Fields().Zip(after.Fields()).Where(p => p.First.Value != p.Second.Value)
            .Select(p => new DiffField(p.First.Label, p.First.Value, p.Second.Value)).ToList();
        var body = LineDiff.Compute(before.Body, after.Body).Select(l => new KeyValuePair<string, string>(l.Kind switch
        {
            DiffKind.Added => "Ajouté",
            DiffKind.Removed => "Supprimé",
            _ => "",
        }, l.Text)).ToList();
        return View(new DiffViewModel(id, item.Title, de, a, fields, body));
    }

    [HttpPost("{id:int}/restaurer/{number:int}")]
    public async Task<IActionResult> Restore(int id, int number, CancellationToken cancellationToken)
    {
        var item = await db.Items.FindAsync([id], cancellationToken);
        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == number, cancellationToken);
        if (item is null || version is null || ContentSnapshot.Parse(version.Snapshot) is not { } snapshot)
        {
            return NotFound();
        }

        // A restored slug may meanwhile belong to another item of the same kind: keep the current one then.
        var slug = item.Slug;
        snapshot.ApplyTo(item);
        if (await db.Items.AnyAsync(i => i.Kind == item.Kind && i.Slug == item.Slug && i.Id != id, cancellationToken))
        {
            item.Slug = slug;
        }

        await Service.SaveAsync(item, await ActorAsync(), $"Restauration de la version {number}", cancellationToken);
        TempData["Success"] = $"Version {number} restaurée (enregistrée comme nouvelle version).";
        return Redirect($"/admin/contenus/{id}");
    }

    private async Task<bool> CanPublishAsync()
        => (await authorization.AuthorizeAsync(User, PermissionPolicy.Prefix + Permissions.PublishContent)).Succeeded;

    private async Task<Actor> ActorAsync() => Actor.Of(User, await CanPublishAsync());

    private async Task<EditViewModel> EditModelAsync(ContentItem? item, ContentKind kind, ContentStatus status, ContentForm form, string? publishAt = null, string? unpublishAt = null, CancellationToken cancellationToken = default)
        => new(
            item?.Id,
            ContentKinds.ToSlug(kind),
            ContentKinds.Label(kind),
            ContentKinds.StatusLabel(status) + (item?.PublishAt is { } at ? $" — publication programmée le {ParisTime.Display(at)}" : "") + (item?.UnpublishAt is { } until ? $" — dépublication programmée le {ParisTime.Display(until)}" : ""),
            form,
            await Pages.LookupsAsync(cancellationToken),
            await CanPublishAsync(),
            publishAt ?? ParisTime.Input(item?.PublishAt),
            unpublishAt ?? ParisTime.Input(item?.UnpublishAt),
            item is { Status: ContentStatus.Published } ? ContentKinds.PublicUrl(item.Kind, item.Slug) : null,
            await ImagesAsync(form.CoverUrl, cancellationToken));

    /// <summary>Cover choices: the library's images, newest first, plus the current value even if it is not among them.</summary>
    private async Task<IReadOnlyList<KeyValuePair<string, string>>> ImagesAsync(string? current, CancellationToken cancellationToken)
    {
        var images = await db.Media.AsNoTracking().Where(m => m.ContentType.StartsWith("image/")).OrderByDescending(m => m.Id).Take(200)
            .Select(m => new { m.StoredName, m.OriginalName, m.Alt }).ToListAsync(cancellationToken);
        var options = images.Select(m => new KeyValuePair<string, string>("/medias/" + m.StoredName, $"{m.OriginalName} — {m.Alt}")).ToList();
        if (!string.IsNullOrWhiteSpace(current) && options.All(o => o.Key != current))
        {
            options.Insert(0, new(current, current));
        }

        return options;
    }
}
