using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Notifications.Data;
using Plan10000.Modules.Notifications.Models;
using Plan10000.Modules.Notifications.Services;
using Plan10000.Modules.Notifications.ViewModels;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Notifications.Controllers;

/// <summary>Each signed-in user chooses, per category, no digest, a daily or a weekly one.</summary>
[Area("Notifications")]
[Authorize]
public sealed class PreferencesController(NotificationsDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("mon-compte/notifications")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        return View(new PreferencesViewModel([.. DigestCategories.Labels.Select(c => new PreferenceRow(c.Key, c.Value, current[c.Key].ToString(), null))], Frequencies.Options));
    }

    [HttpPost("mon-compte/notifications")]
    public async Task<IActionResult> Save(CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken);
        var chosen = new Dictionary<string, DigestFrequency>();
        var rows = new List<PreferenceRow>();
        foreach (var (category, label) in DigestCategories.Labels)
        {
            var value = form[category].ToString();
            var valid = Enum.TryParse<DigestFrequency>(value, ignoreCase: false, out var frequency) && Enum.IsDefined(frequency) && !int.TryParse(value, out _);
            rows.Add(new PreferenceRow(category, label, value, valid ? null : "Choisissez « Jamais », « Chaque jour » ou « Chaque semaine »."));
            if (valid)
            {
                chosen[category] = frequency;
            }
        }

        if (chosen.Count != DigestCategories.Labels.Count)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", new PreferencesViewModel(rows, Frequencies.Options));
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var existing = await db.Preferences.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (category, frequency) in chosen)
        {
            var row = existing.SingleOrDefault(p => p.Category == category);
            if (row is null)
            {
                db.Preferences.Add(new Preference { UserId = userId, Category = category, Frequency = frequency, UpdatedAtUtc = now });
            }
            else
            {
                row.Frequency = frequency;
                row.UpdatedAtUtc = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Vos préférences de notification sont enregistrées.";
        return LocalRedirect("/mon-compte/notifications");
    }

    private async Task<Dictionary<string, DigestFrequency>> CurrentAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var saved = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Category, p => p.Frequency, cancellationToken);
        var roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        return DigestCategories.Labels.Keys.ToDictionary(c => c, c => saved.TryGetValue(c, out var f) ? f : DigestDefaults.For(c, roles));
    }
}

/// <summary>The reminders ledger, newest first, for the national administrators.</summary>
[Area("Notifications")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ViewReminders)]
public sealed class RemindersController(NotificationsDbContext db) : Controller
{
    [HttpGet("admin/rappels")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Reminders.AsNoTracking().OrderByDescending(r => r.Id).Take(200).ToListAsync(cancellationToken);
        return View(new RemindersViewModel([.. rows.Select(r => (IReadOnlyList<string>)[ParisTime.Format(r.ClaimedAtUtc), r.Source, r.To, r.Subject, r.Outcome, r.ServerAnswer ?? ""])]));
    }
}
