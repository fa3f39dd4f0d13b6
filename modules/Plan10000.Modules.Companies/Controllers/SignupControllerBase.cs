using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Content;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Common ground of the sign-up controllers. The first step creates and signs in the account; from then on the draft
/// lives in the database under that account, so the company can stop at any step and resume from any device. Each
/// step posts to its own address and redirects on success; on error the page comes back with status 400, the French
/// messages next to the fields and everything typed. The step views stay in Views/Signup, where the wizard's
/// entry page shows them.
/// </summary>
public abstract class SignupControllerBase(CompaniesDbContext db, IReferentialsQuery referentials, TimeProvider clock) : Controller
{
    internal const string ProvisionalCharterId = "charte-provisoire";

    private static readonly string[] StepTitles = ["Votre compte", "Votre entreprise", "La charte d’engagement", "Votre fiche navette", "Publication et envoi"];

    private protected CompaniesDbContext Db => db;

    private protected IReferentialsQuery Referentials => referentials;

    private protected TimeProvider Clock => clock;

    /// <summary>Resolved per request: the service is internal to the module, so a public controller cannot take it in its constructor.</summary>
    private protected CompanyService Companies => HttpContext.RequestServices.GetRequiredService<CompanyService>();

    /// <summary>An account that already belongs to a company goes to its space: it cannot register (or join) another one.</summary>
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        if (HttpMethods.IsPost(Request.Method) && User.HasClaim(c => c.Type == ScopeClaims.Company))
        {
            context.Result = LocalRedirect("/mon-entreprise");
        }
    }

    private protected static string ViewFor(int step) => step switch
    {
        2 => "Company",
        3 => "Charter",
        4 => "Commitments",
        _ => "Publication",
    };

    private protected string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Utilisateur sans identifiant.");

    private protected async Task<IActionResult> InvalidAsync(string view, int step, SignupData data, Func<SignupStepViewModel, SignupStepViewModel> typed, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View($"~/Areas/Companies/Views/Signup/{view}.cshtml", typed(await BuildAsync(step, data, cancellationToken)));
    }

    private protected async Task<(SignupDraft Draft, SignupData Data)> LoadDraftAsync(CancellationToken cancellationToken)
    {
        var userId = UserId();
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.UserId == userId, cancellationToken);
        if (draft is null)
        {
            draft = new SignupDraft { UserId = userId, Step = 2, PayloadJson = "{}", UpdatedAt = clock.GetUtcNow() };
            db.Drafts.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (draft, JsonSerializer.Deserialize<SignupData>(draft.PayloadJson) ?? new SignupData());
    }

    private protected async Task SaveDraftAsync(SignupDraft draft, SignupData data, int reached, CancellationToken cancellationToken)
    {
        draft.PayloadJson = JsonSerializer.Serialize(data);
        // Steps only move forward, except back to step 2 when the SIREN was taken meanwhile and must be changed.
        draft.Step = reached == 2 ? 2 : Math.Max(draft.Step, reached);

        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private protected async Task<CharterInfo> CurrentCharterAsync(CancellationToken cancellationToken)
    {
        // The Content module publishes the charter; until a version is published (or when it is switched off) a provisional text is signed.
        var query = HttpContext.RequestServices.GetService<IContentQuery>();
        var current = query is null ? null : await query.GetCurrentCharterAsync(cancellationToken);
        return current is null
            ? new CharterInfo(ProvisionalCharterId, 1, "Charte d’engagement (texte provisoire)", "")
            : new CharterInfo(current.Id.ToString(CultureInfo.InvariantCulture), current.Number, current.Title, current.Html);
    }

    private protected async Task<SignupStepViewModel> BuildAsync(int step, SignupData data, CancellationToken cancellationToken)
    {
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var publics = await referentials.GetPublicsAsync(cancellationToken);
        var sizes = await referentials.GetTaillesEntrepriseAsync(cancellationToken);
        var sectors = await referentials.GetSecteursAsync(cancellationToken);
        var charter = step == 3 ? await CurrentCharterAsync(cancellationToken) : null;
        var themeLabels = themes.ToDictionary(t => t.Numero, t => t.Libelle);
        var publicLabels = publics.ToDictionary(p => p.Code, p => p.Libelle);
        return new SignupStepViewModel(
            new StepperModel(step, StepTitles.Length, StepTitles[step - 1], step < StepTitles.Length ? StepTitles[step] : null),
            [.. sizes.Select(s => new KeyValuePair<string, string>(s.Code, s.Libelle))],
            [.. sectors.Select(s => new KeyValuePair<string, string>(s.Code, s.Libelle))],
            [.. themes.Select(t => new KeyValuePair<string, string>(t.Numero.ToString(CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))],
            [.. publics.Select(p => new KeyValuePair<string, string>(p.Code, p.Libelle))],
            PublicationItems.Labels)
        {
            Company = new CompanyStepForm { Siret = data.Siret, Name = data.Name, SizeCode = data.SizeCode, SectorCode = data.SectorCode, Address = data.Address, Postcode = data.Postcode, City = data.City, Website = data.Website, NafCode = data.NafCode },
            Charter = new CharterStepForm { Accept = data.CharterAccepted ? ["oui"] : [], SignerName = data.SignerName, SignerRole = data.SignerRole },
            CharterTitle = charter?.Title ?? "",
            CharterHtml = charter?.Html ?? "",
            CharterProvisional = charter?.Id == ProvisionalCharterId,
            Commitments = [.. data.Commitments.Select((c, i) => new CommitmentLine(
                i,
                $"{c.ThemeNumero}. {themeLabels.GetValueOrDefault(c.ThemeNumero, "")}",
                string.Join(", ", c.Publics.Select(p => publicLabels.GetValueOrDefault(p, p))),
                c.Description,
                CompanyInput.Intention(c.IntentionQuantity, c.IntentionUnit, c.IntentionYear)))],
            Publication = new PublicationStepForm { Consents = data.Consents },
            Summary =
            [
                new("Entreprise", data.Name),
                new("SIRET", data.Siret),
                new("Code NAF", data.NafCode ?? "—"),
                new("Adresse", $"{data.Address}, {data.Postcode} {data.City}"),
                new("Charte signée par", $"{data.SignerName} ({data.SignerRole})"),
                new("Engagements", data.Commitments.Count.ToString(CultureInfo.InvariantCulture)),
            ],
        };
    }
}
