using System.Net;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Support.PortalFactory;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>Item 7 of the issue: the dedicated State contact, the administrative problems and the intermediation actors.</summary>
public sealed class FacilitationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_referent_names_the_dedicated_contact_among_the_departements_referents_and_the_company_sees_it()
    {
        var company = await AddCompanyAsync(Factory, "Contact Dédié Lorient", "56100", CompanyStatus.Approved, null, (1, "REPPLUS", "Stages de 3e"));
        var referent = await Factory.CreateUserClientAsync("referent.56@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "56"));
        await Factory.CreateUserClientAsync("collegue.56@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "56"));
        var elsewhere = await Factory.CreateUserClientAsync("referent.29@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "29"));
        var companyUser = await Factory.CreateUserClientAsync("rh@contact-dedie.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var colleagueId = await UserIdAsync("collegue.56@test.gouv.fr");
        var outsiderId = await UserIdAsync("referent.29@test.gouv.fr");
        var page = $"/admin/fiches-navettes/{company.Id}";
        var action = $"/admin/fiches-navettes/{company.Id}/interlocuteur";

        var before = WebUtility.HtmlDecode(await companyUser.GetStringAsync("/mon-entreprise"));
        var outsiderChosen = await PostFormAsync(referent, page, action, new() { ["ContactUserId"] = outsiderId });
        var otherDepartement = await elsewhere.GetAsync(page);
        var forged = await PostForgedAsync(referent, page, action, action, new() { ["ContactUserId"] = colleagueId });
        var forgedElsewhere = await PostForgedAsync(elsewhere, "/admin/entreprises", "/compte/deconnexion", action, new() { ["ContactUserId"] = outsiderId });
        var after = WebUtility.HtmlDecode(await companyUser.GetStringAsync("/mon-entreprise"));

        Assert.Contains("pas encore désigné", before);
        var sheet = WebUtility.HtmlDecode(await referent.GetStringAsync(page));
        Assert.Contains(company.Siret, sheet);
        Assert.Contains($"{company.Postcode} {company.City}", sheet);
        Assert.Equal(HttpStatusCode.BadRequest, outsiderChosen.StatusCode);
        Assert.Contains("Choisissez un référent de ce département", WebUtility.HtmlDecode(await outsiderChosen.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, otherDepartement.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedElsewhere.StatusCode);
        Assert.Equal(colleagueId, await WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.ContactUserId).SingleAsync()));
        Assert.Contains("Votre interlocuteur dédié est <strong>collegue.56@test.gouv.fr</strong>", after);
        Assert.Contains("mailto:collegue.56@test.gouv.fr", after);
    }

    [Fact]
    public async Task A_company_raises_a_problem_that_its_referents_answer_until_it_is_solved()
    {
        var company = await AddCompanyAsync(Factory, "Problème Quimper", "29000", CompanyStatus.Approved);
        var other = await AddCompanyAsync(Factory, "Voisine Quimper", "29000", CompanyStatus.Approved);
        var companyUser = await Factory.CreateUserClientAsync("rh@probleme-quimper.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var otherUser = await Factory.CreateUserClientAsync("rh@voisine-quimper.test", PortalRoles.Company, (ScopeClaims.Company, other.Id.ToString()));
        var referent = await Factory.CreateUserClientAsync("referent.probleme.29@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "29"));
        var elsewhere = await Factory.CreateUserClientAsync("referent.probleme.22@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "22"));

        var empty = await PostFormAsync(companyUser, "/mon-entreprise/problemes/nouveau", "/mon-entreprise/problemes/nouveau", new() { ["Subject"] = "Agrément apprentissage", ["Text"] = " " });
        var raised = await PostFormAsync(companyUser, "/mon-entreprise/problemes/nouveau", "/mon-entreprise/problemes/nouveau",
            new() { ["Subject"] = "Agrément apprentissage bloqué", ["Text"] = "La DREETS ne répond pas depuis trois mois." });
        var problem = await WithDbAsync(Factory, db => db.Problems.SingleAsync(p => p.CompanyId == company.Id));
        var thread = $"/admin/entreprises/problemes/{problem.Id}";
        var companyThread = $"/mon-entreprise/problemes/{problem.Id}";

        var list = WebUtility.HtmlDecode(await referent.GetStringAsync("/admin/entreprises/problemes"));
        var otherList = WebUtility.HtmlDecode(await elsewhere.GetStringAsync("/admin/entreprises/problemes"));
        var otherRead = await elsewhere.GetAsync(thread);
        var otherForged = await PostForgedAsync(elsewhere, "/admin/entreprises", "/compte/deconnexion", thread, new() { ["Text"] = "Je ne suis pas d’ici", ["Status"] = "Resolved" });
        var neighbourRead = await otherUser.GetAsync(companyThread);
        var neighbourForged = await PostForgedAsync(otherUser, "/mon-entreprise/problemes/nouveau", "/mon-entreprise/problemes/nouveau", companyThread, new() { ["Text"] = "Intrusion" });
        var neighbourOnAdmin = await otherUser.GetAsync(thread);
        var inProgress = await PostFormAsync(referent, thread, thread, new() { ["Text"] = "Je relance la DREETS cette semaine.", ["Status"] = "" });
        var badStatus = await PostFormAsync(referent, thread, thread, new() { ["Text"] = "", ["Status"] = "Oublie" });
        var solved = await PostFormAsync(referent, thread, thread, new() { ["Text"] = "L’agrément est signé.", ["Status"] = "Resolved" });
        var seen = WebUtility.HtmlDecode(await companyUser.GetStringAsync(companyThread));
        var space = WebUtility.HtmlDecode(await companyUser.GetStringAsync("/mon-entreprise"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Agrément apprentissage", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Contains("Agrément apprentissage bloqué", list);
        Assert.DoesNotContain("Agrément apprentissage bloqué", otherList);
        Assert.Equal(HttpStatusCode.Forbidden, otherRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherForged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, neighbourRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, neighbourForged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, neighbourOnAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, inProgress.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("Choisissez un statut dans la liste", WebUtility.HtmlDecode(await badStatus.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, solved.StatusCode);
        Assert.Contains("Je relance la DREETS cette semaine.", seen);
        Assert.Contains("L’agrément est signé.", seen);
        Assert.Contains("Résolu", seen);
        Assert.Contains("Agrément apprentissage bloqué", space);
        var messages = await WithDbAsync(Factory, db => db.ProblemMessages.Where(m => m.ProblemId == problem.Id).OrderBy(m => m.CreatedAt).Select(m => new { m.Text, m.FromState }).ToListAsync());
        Assert.Equal(["La DREETS ne répond pas depuis trois mois.", "Je relance la DREETS cette semaine.", "L’agrément est signé."], messages.Select(m => m.Text));
        Assert.Equal([false, true, true], messages.Select(m => m.FromState));
        Assert.Equal(ProblemStatus.Resolved, await WithDbAsync(Factory, db => db.Problems.Where(p => p.Id == problem.Id).Select(p => p.Status).SingleAsync()));
        // Each side is told by a mail job: the referents of the département (no dedicated contact named), then the company.
        var toReferent = await WaitForMailAsync(Factory, "referent.probleme.29@test.gouv.fr");
        Assert.Contains("La DREETS ne répond pas depuis trois mois.", toReferent);
        Assert.Contains($"/admin/entreprises/problemes/{problem.Id}", toReferent);
        var toCompany = await WaitForMailAsync(Factory, "rh@probleme-quimper.test");
        Assert.Contains($"/mon-entreprise/problemes/{problem.Id}", toCompany);
        Assert.DoesNotContain("referent.probleme.22@test.gouv.fr", string.Join("", Directory.GetFiles(Path.Combine(Factory.DataDirectory, "mail"), "*.eml").Select(File.ReadAllText)));
    }

    [Fact]
    public async Task An_intermediation_actor_sees_only_its_departements_fiches_navettes_and_records_contacts_the_company_sees()
    {
        var mine = await AddCompanyAsync(Factory, "Fiche Brest Approuvée", "29200", CompanyStatus.Approved, null, (3, "JEUNES", "Recruter 4 apprentis"));
        var pending = await AddCompanyAsync(Factory, "Fiche Brest En Attente", "29200", CompanyStatus.Pending, null, (3, "JEUNES", "Recruter 2 apprentis"));
        var theirs = await AddCompanyAsync(Factory, "Fiche Vannes Approuvée", "56000", CompanyStatus.Approved, null, (5, "TH", "Aménager un poste"));
        var commitment = await WithDbAsync(Factory, db => db.Commitments.SingleAsync(c => c.CompanyId == mine.Id));
        var theirCommitment = await WithDbAsync(Factory, db => db.Commitments.SingleAsync(c => c.CompanyId == theirs.Id));
        var actor = await Factory.CreateUserClientAsync("conseiller@mission-locale-brest.test", PortalRoles.IntermediationActor, (ScopeClaims.Departement, "29"));
        var companyUser = await Factory.CreateUserClientAsync("rh@fiche-brest.test", PortalRoles.Company, (ScopeClaims.Company, mine.Id.ToString()));
        var page = $"/admin/fiches-navettes/{mine.Id}";
        var action = $"/admin/fiches-navettes/{mine.Id}/contacts";

        var list = WebUtility.HtmlDecode(await actor.GetStringAsync("/admin/fiches-navettes?q=fiche"));
        var searched = WebUtility.HtmlDecode(await actor.GetStringAsync("/admin/fiches-navettes?q=BREST+approuvee"));
        var detail = WebUtility.HtmlDecode(await actor.GetStringAsync(page));
        var otherDetail = await actor.GetAsync($"/admin/fiches-navettes/{theirs.Id}");
        var pendingDetail = await actor.GetAsync($"/admin/fiches-navettes/{pending.Id}");
        var badDate = await PostFormAsync(actor, page, action, new()
        {
            ["CommitmentId"] = commitment.Id.ToString(), ["Organisation"] = "Mission locale de Brest", ["ContactName"] = "Awa Diallo", ["ContactedOn"] = "26/11/2026", ["Offer"] = "Trois candidats",
        });
        var foreignCommitment = await PostFormAsync(actor, page, action, new()
        {
            ["CommitmentId"] = theirCommitment.Id.ToString(), ["Organisation"] = "Mission locale de Brest", ["ContactName"] = "Awa Diallo", ["ContactedOn"] = "2026-11-20", ["Offer"] = "Trois candidats",
        });
        var recorded = await PostFormAsync(actor, page, action, new()
        {
            ["CommitmentId"] = commitment.Id.ToString(), ["Organisation"] = "Mission locale de Brest", ["ContactName"] = "Awa Diallo", ["ContactedOn"] = "2026-11-20", ["Offer"] = "Trois candidats en alternance présentés",
        });
        var forged = await PostForgedAsync(actor, page, action, $"/admin/fiches-navettes/{theirs.Id}/contacts", new()
        {
            ["CommitmentId"] = theirCommitment.Id.ToString(), ["Organisation"] = "Mission locale de Brest", ["ContactName"] = "Awa Diallo", ["ContactedOn"] = "2026-11-20", ["Offer"] = "Hors périmètre",
        });
        var assign = await PostForgedAsync(actor, page, action, $"/admin/fiches-navettes/{mine.Id}/interlocuteur", new() { ["ContactUserId"] = "x" });
        var companyOnAdmin = await companyUser.GetAsync("/admin/fiches-navettes");
        var space = WebUtility.HtmlDecode(await companyUser.GetStringAsync("/mon-entreprise"));

        Assert.Contains("Fiche Brest Approuvée", list);
        Assert.DoesNotContain("Fiche Brest En Attente", list);
        Assert.DoesNotContain("Fiche Vannes", list);
        Assert.Contains("Fiche Brest Approuvée", searched);
        Assert.Contains("Recruter 4 apprentis", detail);
        Assert.Equal(HttpStatusCode.Forbidden, otherDetail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pendingDetail.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var badPage = WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync());
        Assert.Contains("au format aaaa-mm-jj", badPage);
        Assert.Contains("Trois candidats</textarea>", badPage);
        Assert.Equal(HttpStatusCode.BadRequest, foreignCommitment.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, companyOnAdmin.StatusCode);
        Assert.Contains("Mission locale de Brest", space);
        Assert.Contains("Trois candidats en alternance présentés", space);
        Assert.Contains("20 novembre 2026", space);
        Assert.Equal(1, await WithDbAsync(Factory, db => db.IntermediationContacts.CountAsync(c => c.CompanyId == mine.Id)));
        Assert.False(await WithDbAsync(Factory, db => db.IntermediationContacts.AnyAsync(c => c.CompanyId == theirs.Id)));
    }

    [Fact]
    public async Task Intermediation_actors_hold_the_fiche_navette_permissions_by_default_but_not_moderation()
    {
        var actor = await Factory.CreateUserClientAsync("conseiller@cap-emploi.test", PortalRoles.IntermediationActor, (ScopeClaims.Departement, "35"));

        Assert.Equal(HttpStatusCode.OK, (await actor.GetAsync("/admin/fiches-navettes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.GetAsync("/admin/entreprises")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.GetAsync("/admin/entreprises/problemes")).StatusCode);
    }

    private Task<string> UserIdAsync(string email)
        => WithAccountsAsync(email);

    private async Task<string> WithAccountsAsync(string email)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(Factory.Services);
        var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Plan10000.Portal.Abstractions.Queries.Accounts.IAccountProvisioning>(scope.ServiceProvider);
        return (await accounts.FindUserIdAsync(email, CancellationToken.None))!;
    }
}
