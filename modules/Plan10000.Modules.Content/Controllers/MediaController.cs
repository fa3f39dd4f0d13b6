using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Services;
using Plan10000.Modules.Content.ViewModels;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Content.Controllers;

[Area("Content")]
[Route("admin/medias")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageMedia)]
public sealed class MediaController(ContentDbContext db) : Controller
{
    // The module's services are internal: a public controller takes them from the request's services rather than its constructor.
    private MediaStore Store => HttpContext.RequestServices.GetRequiredService<MediaStore>();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
        => View(await ModelAsync(q, null, null, cancellationToken));

    /// <summary>The request limit sits above the 10 MB rule so that a 20 MB file still reaches the check and gets its French message.</summary>
    [HttpPost("")]
    [RequestSizeLimit(32 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, string? alt, CancellationToken cancellationToken)
    {
        string? error;
        if (file is null)
        {
            error = "Choisissez un fichier.";
        }
        else
        {
            (_, error) = await Store.SaveAsync(file, alt, User.Identity?.Name ?? "", cancellationToken);
        }

        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(null, error, alt, cancellationToken));
        }

        TempData["Success"] = "Fichier ajouté à la médiathèque.";
        return Redirect("/admin/medias");
    }

    [HttpPost("{id:int}/supprimer")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var media = await db.Media.FindAsync([id], cancellationToken);
        if (media is null)
        {
            return NotFound();
        }

        var usedBy = await Store.UsedByAsync(media, cancellationToken);
        if (usedBy.Count > 0)
        {
            TempData["Error"] = $"« {media.OriginalName} » est utilisé par : {string.Join(", ", usedBy.Select(t => $"« {t} »"))}. Retirez-le de ces contenus avant de le supprimer.";
            return Redirect("/admin/medias");
        }

        await Store.DeleteAsync(media, cancellationToken);
        TempData["Success"] = $"« {media.OriginalName} » supprimé.";
        return Redirect("/admin/medias");
    }

    private async Task<MediaListViewModel> ModelAsync(string? q, string? error, string? alt, CancellationToken cancellationToken)
    {
        var media = db.Media.AsNoTracking();
        foreach (var word in Text.Normalize(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            media = media.Where(m => m.SearchText.Contains(word));
        }

        var list = await media.OrderByDescending(m => m.Id).Take(200).ToListAsync(cancellationToken);
        return new MediaListViewModel(
            [.. list.Select(m => new MediaRow(m.Id, m.OriginalName, m.Url, m.IsImage ? "Image" : "PDF", $"{m.Size / 1024.0:0.#} Ko", m.Alt, ParisTime.Display(m.UploadedAt)))],
            q, error, alt);
    }
}
