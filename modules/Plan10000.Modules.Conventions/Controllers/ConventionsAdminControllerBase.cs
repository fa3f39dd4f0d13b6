using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Modules.Conventions.Services;
using Plan10000.Modules.Conventions.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Conventions.Controllers;

/// <summary>
/// Common ground of the conventions back office. Reading needs ReadConventions, every change ManageConventions; then the
/// scope: only referents of the convention's département (or a national admin) change it, and a club's animators read
/// its State–club convention. Every action loads the convention first and answers 403 outside the scope.
/// </summary>
public abstract class ConventionsAdminControllerBase(ConventionsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IPermissionGrants grants, IAuditLog audit) : Controller
{
    private protected ConventionsDbContext Db => db;

    private protected IAccessScope Scope => scope;

    private protected IReferentialsQuery Referentials => referentials;

    private protected IAuditLog Audit => audit;

    private protected const string Manage = PermissionPolicy.Prefix + Permissions.ManageConventions;

    /// <summary>Internal service, so resolved here rather than through the public constructor.</summary>
    private protected ConventionService Conventions => HttpContext.RequestServices.GetRequiredService<ConventionService>();

    private protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private protected static bool IsLate(Convention charter, DateTime today)
        => charter.TransitionConventionId is null ? today > ConventionService.CharterDeadline : charter.TransitionedOn > ConventionService.CharterDeadline;

    private protected static string TransitionLabel(Convention charter, DateTime today) => charter.TransitionConventionId is not null
        ? (charter.TransitionedOn > ConventionService.CharterDeadline ? $"Passée au PAQTE le {ConventionService.Date(charter.TransitionedOn)}, en retard" : $"Passée au PAQTE le {ConventionService.Date(charter.TransitionedOn)}")
        : today > ConventionService.CharterDeadline ? "Non passée au PAQTE : en retard (échéance janvier 2020)" : "À faire passer au PAQTE avant fin janvier 2020";

    private protected async Task<List<KeyValuePair<string, string>>> ScopedDepartementsAsync(CancellationToken cancellationToken)
    {
        var all = await referentials.GetDepartementsAsync(cancellationToken);
        var inScope = scope.Departements(User);
        return [.. all.Where(d => inScope is null || inScope.Contains(d.Code)).Select(d => new KeyValuePair<string, string>(d.Code, $"{d.Nom} ({d.Code})"))];
    }

    /// <summary>The convention an action changes (tracked), or the refusal: 404 when it is not there, 403 when the user may not manage it.</summary>
    private protected Task<InScope<Convention>> LoadManagedAsync(Guid id, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(LoadAsync(id, cancellationToken, tracking: true), ConventionService.ManagedBy);

    /// <summary>The convention a page shows, or the refusal: 404 when it is not there, 403 when the user may not read it.</summary>
    private protected Task<InScope<Convention>> LoadReadableAsync(Guid id, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(LoadAsync(id, cancellationToken), ConventionService.ReadBy);

    private protected async Task<Convention?> LoadAsync(Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        var query = db.Conventions.Include(c => c.Signatories).Include(c => c.Figures).Include(c => c.Amendments).Include(c => c.Objectives).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    private protected async Task<List<KeyValuePair<string, string>>> ThemeOptionsAsync(CancellationToken cancellationToken)
        => [.. (await referentials.GetThemesAsync(cancellationToken)).Select(t => new KeyValuePair<string, string>(t.Numero.ToString(CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))];

    private protected async Task<ConventionPageViewModel> PageAsync(Convention convention, EditConventionForm? edit, SignatoryForm? signatory, AmendmentForm? amendment, CancellationToken cancellationToken)
    {
        var view = await ViewOfAsync(convention, cancellationToken);
        var transitionOptions = new List<KeyValuePair<string, string>>();
        if (convention.Kind == ConventionKind.LegacyCharter && convention.CompanyId is { } companyId)
        {
            transitionOptions = await db.Conventions.AsNoTracking().Where(c => c.Kind == ConventionKind.Paqte && c.CompanyId == companyId)
                .OrderBy(c => c.CreatedAtUtc).Select(c => new KeyValuePair<string, string>(c.Id.ToString(), c.Title)).ToListAsync(cancellationToken);
        }

        return new ConventionPageViewModel(
            view,
            edit ?? new EditConventionForm
            {
                Title = convention.Title,
                StartsOn = convention.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndsOn = convention.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Themes = [.. convention.Themes.Select(t => t.ToString(CultureInfo.InvariantCulture))],
                Body = convention.Body,
            },
            await ThemeOptionsAsync(cancellationToken),
            signatory ?? new SignatoryForm(),
            amendment ?? new AmendmentForm(),
            transitionOptions,
            convention.TransitionConventionId?.ToString());
    }

    private protected async Task<ConventionView> ViewOfAsync(Convention convention, CancellationToken cancellationToken)
    {
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var departement = await referentials.FindDepartementAsync(convention.DepartementCode, cancellationToken);
        var figures = await Conventions.FiguresAsync(convention, cancellationToken);
        var status = convention.StatusOn(Conventions.Today);
        var rows = new List<KeyValuePair<string, string>>
        {
            new("Nature", ConventionService.KindLabel(convention.Kind)),
            new(convention.Kind == ConventionKind.StateClub ? "Club" : "Entreprise", convention.PartyName),
            new("Département", $"{departement?.Nom ?? convention.DepartementCode} ({convention.DepartementCode})"),
            new("État", ConventionService.StatusLabel(status)),
            new("Validité", $"du {ConventionService.Date(convention.StartsOn)} au {ConventionService.Date(convention.EndsOn)}"),
        };
        if (convention.SignedAtUtc is { } signed)
        {
            rows.Add(new("Signée le", ConventionService.ParisDate(signed)));
        }

        if (convention.Kind == ConventionKind.Paqte)
        {
            rows.Add(new("PME", convention.IsSme ? "Oui : peut ne garder que certains axes" : "Non"));
        }

        if (convention.Kind == ConventionKind.LegacyCharter)
        {
            rows.Add(new("Passage au PAQTE", TransitionLabel(convention, Conventions.Today)));
        }

        string Num(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));
        return new ConventionView(
            convention.Id,
            ConventionService.KindLabel(convention.Kind),
            convention.Title,
            convention.PartyName,
            ConventionService.StatusLabel(status),
            convention.Status == ConventionStatus.Draft,
            convention.Kind == ConventionKind.StateClub,
            convention.Kind == ConventionKind.Paqte,
            convention.Kind == ConventionKind.LegacyCharter,
            Conventions.CanManage(User, convention) && await grants.HasPermissionAsync(User, Permissions.ManageConventions, cancellationToken),
            rows,
            convention.Body,
            [.. convention.Themes.Select(t => $"{t}. {themes.GetValueOrDefault(t, "")}")],
            [.. figures.Select(f => (IReadOnlyList<string>)[
                $"{f.ThemeNumero}. {themes.GetValueOrDefault(f.ThemeNumero, "")}",
                f.Unit is null ? "Engagements" : "Intentions chiffrées : " + f.Unit,
                Num(f.Commitments),
                f.Unit is null ? Num(f.Companies) : "—",
                f.Unit is null ? "—" : Num(f.Quantity)])],
            [.. convention.Signatories.OrderBy(s => s.Side).ThenBy(s => s.SignedOn).Select(s => (IReadOnlyList<string>)[s.Side == SignatorySide.State ? "Pour l’État" : convention.Kind == ConventionKind.StateClub ? "Pour le club" : "Pour l’entreprise", s.Name, s.Quality, ConventionService.Date(s.SignedOn)])],
            [.. convention.Amendments.OrderBy(a => a.Number).Select(a => (IReadOnlyList<string>)[$"n° {a.Number}", a.Title, ConventionService.Date(a.SignedOn), a.NewEndsOn is null ? "—" : $"fin portée du {ConventionService.Date(a.PreviousEndsOn)} au {ConventionService.Date(a.NewEndsOn)}", a.Text])],
            [.. convention.Objectives.OrderBy(o => o.Axis).ThenBy(o => o.Indicator).ThenBy(o => o.Year).Select(o => new ObjectiveLine(o.Id, ConventionService.AxisLabels[o.Axis], o.Indicator, o.Year, o.Target, o.Result))],
            convention.Status == ConventionStatus.Draft ? ConventionService.MissingForSignature(convention) : []);
    }

    private protected DateTime? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        }

        ModelState.AddModelError(field, "Saisissez la date au format AAAA-MM-JJ, par exemple 2027-03-15.");
        return null;
    }

    private protected void CheckPeriod(DateTime? start, DateTime? end, string field)
    {
        if (start is not null && end is not null && end <= start)
        {
            ModelState.AddModelError(field, "La fin de validité doit suivre son début.");
        }
    }

    private protected int? ParseCount(string? value, string field)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000_000)
        {
            return n;
        }

        ModelState.AddModelError(field, "Saisissez un nombre entier positif, par exemple 12.");
        return null;
    }

    private protected int? ParseOptionalCount(string? value, string field) => string.IsNullOrWhiteSpace(value) ? null : ParseCount(value, field);

    private protected async Task<List<int>> ParseThemesAsync(IReadOnlyList<string> values, string field, CancellationToken cancellationToken)
    {
        var known = (await referentials.GetThemesAsync(cancellationToken)).Select(t => t.Numero).ToHashSet();
        var themes = new List<int>();
        foreach (var value in values)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && known.Contains(n))
            {
                themes.Add(n);
            }
            else
            {
                ModelState.AddModelError(field, "Choisissez les thématiques dans la liste.");
            }
        }

        return [.. themes.Distinct().Order()];
    }
}
