using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Jobs;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Content;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// The sign-up wizard. The first step creates and signs in the account; from then on the draft lives in the
/// database under that account, so the company can stop at any step and resume from any device.
/// Each step posts to its own address and redirects on success; on error the page comes back with status 400,
/// the French messages next to the fields and everything typed.
/// </summary>
[Area("Companies")]
[Route("inscription")]
public sealed class SignupController(
    CompaniesDbContext db,
    IReferentialsQuery referentials,
    IAccountProvisioning accounts,
    IBackgroundJobs jobs,
    TimeProvider clock) : Controller
{
    internal const string ProvisionalCharterId = "charte-provisoire";

    /// <summary>Resolved per request: the service is internal to the module, so a public controller cannot take it in its constructor.</summary>
    private CompanyService Companies => HttpContext.RequestServices.GetRequiredService<CompanyService>();

    private static readonly string[] StepTitles = ["Votre compte", "Votre entreprise", "La charte d’engagement", "Votre fiche navette", "Publication et envoi"];

    /// <summary>An account that already belongs to a company goes to its space: it cannot register (or join) another one.</summary>
    public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
    {
        if (HttpMethods.IsPost(Request.Method) && User.HasClaim(c => c.Type == ScopeClaims.Company))
        {
            context.Result = LocalRedirect("/mon-entreprise");
        }
    }

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
                db.Drafts.Add(new SignupDraft { UserId = created.UserId!, Step = 2, PayloadJson = "{}", UpdatedAt = clock.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
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

    [HttpPost("entreprise")]
    [Authorize(Roles = PortalRoles.Company)]
    public async Task<IActionResult> Company(CompanyStepForm form, string? operation, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        var siret = Siret.Normalize(form.Siret);
        string? duplicate = null;
        if (!string.IsNullOrWhiteSpace(form.Siret))
        {
            if (siret.Length != 14 || !siret.All(char.IsAsciiDigit))
            {
                ModelState.AddModelError(nameof(form.Siret), "Le numéro SIRET compte 14 chiffres, par exemple 732 829 320 00074.");
            }
            else if (!Siret.IsValidSiret(siret))
            {
                ModelState.AddModelError(nameof(form.Siret), "Ce numéro SIRET n’est pas valide : vérifiez-le sur votre avis de situation Insee ou votre extrait Kbis.");
            }
            else if (await Companies.SirenExistsAsync(siret[..9], cancellationToken))
            {
                duplicate = siret[..9];
                ModelState.AddModelError(nameof(form.Siret), "Une entreprise portant ce numéro SIREN est déjà inscrite : vous ne pouvez pas l’inscrire une seconde fois.");
            }
        }

        // Sirene register (ADR 0025), all in SireneSignupStep: refuses closed or unknown establishments, fills blank fields.
        var sirene = await HttpContext.RequestServices.GetRequiredService<SireneSignupStep>().CheckAsync(form, siret, operation, ModelState, cancellationToken);

        if (!string.IsNullOrWhiteSpace(form.Postcode))
        {
            var departement = Postcode.Departement(form.Postcode.Trim());
            if (!Postcode.IsWellFormed(form.Postcode.Trim()))
            {
                ModelState.AddModelError(nameof(form.Postcode), "Saisissez un code postal à 5 chiffres, par exemple 75011.");
            }
            else if (departement is null || await referentials.FindDepartementAsync(departement, cancellationToken) is null)
            {
                ModelState.AddModelError(nameof(form.Postcode), "Ce code postal ne correspond à aucun département du programme.");
            }
        }

        if (!string.IsNullOrEmpty(form.SizeCode) && !(await referentials.GetTaillesEntrepriseAsync(cancellationToken)).Any(t => t.Code == form.SizeCode))
        {
            ModelState.AddModelError(nameof(form.SizeCode), "Choisissez une taille dans la liste.");
        }

        if (!string.IsNullOrEmpty(form.SectorCode) && !(await referentials.GetSecteursAsync(cancellationToken)).Any(t => t.Code == form.SectorCode))
        {
            ModelState.AddModelError(nameof(form.SectorCode), "Choisissez un secteur dans la liste.");
        }

        if (!string.IsNullOrWhiteSpace(form.Website)
            && !(Uri.TryCreate(form.Website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            ModelState.AddModelError(nameof(form.Website), "Saisissez une adresse complète, par exemple https://www.exemple.fr.");
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync("Company", 2, data, m => m with { Company = form, DuplicateSiren = duplicate, SireneNotice = sirene.Notice, SireneProposal = sirene.Proposal }, cancellationToken);
        }

        if (sirene.Show)
        {
            return View("Company", await BuildAsync(2, data, cancellationToken) with { Company = form, SireneNotice = sirene.Notice, SireneProposal = sirene.Proposal });
        }

        data.Siret = siret;
        data.Name = form.Name.Trim();
        data.SizeCode = form.SizeCode;
        data.SectorCode = form.SectorCode;
        data.Address = form.Address.Trim();
        data.Postcode = form.Postcode.Trim();
        data.City = form.City.Trim();
        data.Website = string.IsNullOrWhiteSpace(form.Website) ? null : form.Website.Trim();
        data.NafCode = string.IsNullOrWhiteSpace(form.NafCode) ? null : form.NafCode.Trim().ToUpperInvariant();
        await SaveDraftAsync(draft, data, 3, cancellationToken);
        if (sirene.Notice is { Message: { } notice })
        {
            TempData[SireneSignupStep.NoticeKey] = notice;
        }

        return LocalRedirect("/inscription");
    }

    [HttpPost("charte")]
    [Authorize(Roles = PortalRoles.Company)]
    public async Task<IActionResult> Charter(CharterStepForm form, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        if (draft.Step < 3)
        {
            return LocalRedirect("/inscription");
        }

        if (!form.Accept.Contains("oui"))
        {
            ModelState.AddModelError(nameof(form.Accept), "Cochez la case pour signer la charte : c’est la condition de l’engagement.");
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync("Charter", 3, data, m => m with { Charter = form }, cancellationToken);
        }

        var charter = await CurrentCharterAsync(cancellationToken);
        data.CharterAccepted = true;
        data.SignerName = form.SignerName.Trim();
        data.SignerRole = form.SignerRole.Trim();
        data.CharterId = charter.Id;
        data.CharterVersion = charter.Version;
        await SaveDraftAsync(draft, data, 4, cancellationToken);
        return LocalRedirect("/inscription");
    }

    /// <summary>Without JavaScript, lines are added one at a time: « Ajouter » keeps the page, « Continuer » moves on.</summary>
    [HttpPost("engagements")]
    [Authorize(Roles = PortalRoles.Company)]
    public async Task<IActionResult> Commitments(CommitmentForm form, string? operation, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        if (draft.Step < 4)
        {
            return LocalRedirect("/inscription");
        }

        if (operation?.StartsWith("retirer-", StringComparison.Ordinal) == true
            && int.TryParse(operation["retirer-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < data.Commitments.Count)
        {
            data.Commitments.RemoveAt(index);
            await SaveDraftAsync(draft, data, 4, cancellationToken);
            return LocalRedirect("/inscription?etape=4");
        }

        var adding = operation == "ajouter";
        if (adding || !form.IsEmpty)
        {
            var line = await ValidateCommitmentAsync(form, ModelState, referentials, cancellationToken);
            if (line is null)
            {
                return await InvalidAsync("Commitments", 4, data, m => m with { Commitment = form }, cancellationToken);
            }

            data.Commitments.Add(line);
        }

        if (!adding && data.Commitments.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Description), "Ajoutez au moins un engagement à votre fiche navette.");
            return await InvalidAsync("Commitments", 4, data, m => m with { Commitment = form }, cancellationToken);
        }

        await SaveDraftAsync(draft, data, adding ? 4 : 5, cancellationToken);
        return LocalRedirect(adding ? "/inscription?etape=4" : "/inscription");
    }

    [HttpPost("publication")]
    [Authorize(Roles = PortalRoles.Company)]
    public async Task<IActionResult> Publication(PublicationStepForm form, CancellationToken cancellationToken)
    {
        var (draft, data) = await LoadDraftAsync(cancellationToken);
        if (draft.Step < 5)
        {
            return LocalRedirect("/inscription");
        }

        var known = PublicationItems.Labels.Select(l => l.Key).ToHashSet();
        if (form.Consents.Any(c => !known.Contains(c)))
        {
            ModelState.AddModelError(nameof(form.Consents), "Choisissez parmi les éléments proposés.");
            return await InvalidAsync("Publication", 5, data, m => m with { Publication = form }, cancellationToken);
        }

        data.Consents = [.. form.Consents.Distinct()];

        // Another account may have registered the same SIREN while this draft waited.
        if (await Companies.SirenExistsAsync(data.Siret[..9], cancellationToken))
        {
            ModelState.AddModelError("Siret", "Une entreprise portant ce numéro SIREN vient d’être inscrite : vous ne pouvez pas l’inscrire une seconde fois.");
            await SaveDraftAsync(draft, data, 2, cancellationToken);
            return await InvalidAsync("Company", 2, data, m => m with { DuplicateSiren = data.Siret[..9] }, cancellationToken);
        }

        var userId = UserId();
        var company = await Companies.RegisterAsync(data, userId, cancellationToken);
        db.Drafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        await accounts.AddCompanyScopeAsync(userId, company.Id.ToString(), cancellationToken);
        var companyId = company.Id;
        jobs.Enqueue<NewSignupMailJob>(j => j.SendAsync(companyId));
        return LocalRedirect("/inscription/confirmation");
    }

    /// <summary>Offered when the SIREN is already registered: the company's members are asked to let this account in.</summary>
    [HttpPost("rejoindre")]
    [Authorize(Roles = PortalRoles.Company)]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> Join(string? siren, CancellationToken cancellationToken)
    {
        var company = await CompanyService.Active(db.Companies).Include(c => c.Consents).FirstOrDefaultAsync(c => c.Siren == siren, cancellationToken);
        if (company is null)
        {
            return NotFound();
        }

        var userId = UserId();
        if (!await db.JoinRequests.AnyAsync(r => r.CompanyId == company.Id && r.UserId == userId, cancellationToken))
        {
            var request = new JoinRequest { CompanyId = company.Id, UserId = userId, Email = User.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow() };
            db.JoinRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            var id = request.Id;
            jobs.Enqueue<JoinRequestMailJob>(j => j.SendAsync(id));
        }

        // Whoever types a SIREN learns nothing the showcase would not tell: the name only for a listed company.
        var listed = company.Status == CompanyStatus.Approved && company.Publishes(PublicationItems.Name);
        return View("JoinRequested", listed ? company.Name : "cette entreprise");
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

    [HttpGet("confirmation")]
    [Authorize(Roles = PortalRoles.Company)]
    public IActionResult Done() => View();

    internal static async Task<CommitmentData?> ValidateCommitmentAsync(CommitmentForm form, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IReferentialsQuery referentials, CancellationToken cancellationToken)
    {
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var publics = (await referentials.GetPublicsAsync(cancellationToken)).Select(p => p.Code).ToHashSet();
        var ok = true;
        void Fail(string field, string message)
        {
            state.AddModelError(field, message);
            ok = false;
        }

        if (!int.TryParse(form.Theme, NumberStyles.None, CultureInfo.InvariantCulture, out var theme) || !themes.Any(t => t.Numero == theme))
        {
            Fail(nameof(form.Theme), "Choisissez une thématique dans la liste.");
        }

        if (form.Publics.Count == 0)
        {
            Fail(nameof(form.Publics), "Choisissez au moins un public.");
        }
        else if (form.Publics.Any(p => !publics.Contains(p)))
        {
            Fail(nameof(form.Publics), "Choisissez parmi les publics proposés.");
        }

        if (string.IsNullOrWhiteSpace(form.Description))
        {
            Fail(nameof(form.Description), "Décrivez votre engagement en quelques phrases.");
        }
        else if (form.Description.Length > 2000)
        {
            Fail(nameof(form.Description), "2 000 caractères au plus.");
        }

        int? quantity = null;
        if (!string.IsNullOrWhiteSpace(form.IntentionQuantity))
        {
            if (int.TryParse(form.IntentionQuantity.Trim().Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is > 0 and <= 1_000_000)
            {
                quantity = q;
            }
            else
            {
                Fail(nameof(form.IntentionQuantity), "Saisissez un nombre entier positif, par exemple 5.");
            }

            if (string.IsNullOrWhiteSpace(form.IntentionUnit))
            {
                Fail(nameof(form.IntentionUnit), "Précisez l’unité, par exemple « apprentis » ou « stagiaires ».");
            }
        }

        if (form.IntentionUnit?.Length > 100)
        {
            Fail(nameof(form.IntentionUnit), "100 caractères au plus.");
        }

        int? year = null;
        if (!string.IsNullOrWhiteSpace(form.IntentionYear))
        {
            if (int.TryParse(form.IntentionYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2018 and <= 2100)
            {
                year = y;
            }
            else
            {
                Fail(nameof(form.IntentionYear), "Saisissez une année sur quatre chiffres, par exemple 2026.");
            }
        }

        return ok ? new CommitmentData(theme, [.. form.Publics.Distinct()], form.Description!.Trim(), quantity, string.IsNullOrWhiteSpace(form.IntentionUnit) ? null : form.IntentionUnit.Trim(), year) : null;
    }

    private async Task<IActionResult> InvalidAsync(string view, int step, SignupData data, Func<SignupStepViewModel, SignupStepViewModel> typed, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(view, typed(await BuildAsync(step, data, cancellationToken)));
    }

    private async Task<CharterInfo> CurrentCharterAsync(CancellationToken cancellationToken)
    {
        // The Content module publishes the charter; until a version is published (or when it is switched off) a provisional text is signed.
        var query = HttpContext.RequestServices.GetService<IContentQuery>();
        var current = query is null ? null : await query.GetCurrentCharterAsync(cancellationToken);
        return current is null
            ? new CharterInfo(ProvisionalCharterId, 1, "Charte d’engagement (texte provisoire)", "")
            : new CharterInfo(current.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), current.Number, current.Title, current.Html);
    }

    private string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Utilisateur sans identifiant.");

    private async Task<(SignupDraft Draft, SignupData Data)> LoadDraftAsync(CancellationToken cancellationToken)
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

    private async Task SaveDraftAsync(SignupDraft draft, SignupData data, int reached, CancellationToken cancellationToken)
    {
        draft.PayloadJson = JsonSerializer.Serialize(data);
        // Steps only move forward, except back to step 2 when the SIREN was taken meanwhile and must be changed.
        draft.Step = reached == 2 ? 2 : Math.Max(draft.Step, reached);

        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string ViewFor(int step) => step switch
    {
        2 => "Company",
        3 => "Charter",
        4 => "Commitments",
        _ => "Publication",
    };

    private async Task<SignupStepViewModel> BuildAsync(int step, SignupData data, CancellationToken cancellationToken)
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
                Intention(c.IntentionQuantity, c.IntentionUnit, c.IntentionYear)))],
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

    internal static string Intention(int? quantity, string? unit, int? year)
        => quantity is null ? "—" : $"{quantity} {unit}" + (year is null ? "" : $" en {year}");
}
