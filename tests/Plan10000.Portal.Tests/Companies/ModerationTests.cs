using System.Net;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

public sealed class ModerationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_referent_sees_only_the_pending_companies_of_their_departement_and_gets_403_elsewhere()
    {
        var paris = await AddCompanyAsync(Factory, "Atelier Parisien en attente", "75011", CompanyStatus.Pending);
        var marseille = await AddCompanyAsync(Factory, "Savonnerie Marseillaise en attente", "13002", CompanyStatus.Pending);
        var referent = await Factory.CreateUserClientAsync("referent.75@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "75"));

        var list = await referent.GetStringAsync("/admin/entreprises");
        var other = await referent.GetAsync($"/admin/entreprises/{marseille.Id}");
        var approveOther = await PostAsync(referent, $"/admin/entreprises/{paris.Id}", $"/admin/entreprises/{marseille.Id}/valider", []);
        var rejectOther = await PostAsync(referent, $"/admin/entreprises/{paris.Id}", $"/admin/entreprises/{marseille.Id}/refuser", [new("Reason", "Hors de mon territoire")]);

        Assert.Contains("Atelier Parisien en attente", list);
        Assert.DoesNotContain("Savonnerie Marseillaise", list);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approveOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rejectOther.StatusCode);
        Assert.Equal(CompanyStatus.Pending, await WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == marseille.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Approving_publishes_the_company_and_mails_it_through_a_job()
    {
        var company = await AddCompanyAsync(Factory, "Imprimerie à Valider", "75002", CompanyStatus.Pending);
        var referent = await Factory.CreateUserClientAsync("referent.valide@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "75"));
        await Factory.CreateUserClientAsync("contact@imprimerie.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));

        var before = await Factory.CreateBrowserLikeClient().GetAsync("/entreprises-engagees/" + company.Slug);
        var response = await PostAsync(referent, $"/admin/entreprises/{company.Id}", $"/admin/entreprises/{company.Id}/valider", []);
        var after = await Factory.CreateBrowserLikeClient().GetAsync("/entreprises-engagees/" + company.Slug);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(CompanyStatus.Approved, await WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.Status).SingleAsync()));
        var mail = await WaitForMailAsync(Factory, "contact@imprimerie.test");
        Assert.Contains("Imprimerie", mail);
        Assert.Contains("validée", mail);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_is_mailed_to_the_company()
    {
        var company = await AddCompanyAsync(Factory, "Négoce à Refuser", "75003", CompanyStatus.Pending);
        var admin = await Factory.CreateAdminClientAsync();
        await Factory.CreateUserClientAsync("contact@negoce.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));

        var detail = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/entreprises/{company.Id}"));
        Assert.Contains(company.Siret, detail);
        Assert.Contains($"{company.Postcode} {company.City}", detail);
        var noReason = await PostAsync(admin, $"/admin/entreprises/{company.Id}", $"/admin/entreprises/{company.Id}/refuser", [new("Reason", "  ")]);
        var rejected = await PostAsync(admin, $"/admin/entreprises/{company.Id}", $"/admin/entreprises/{company.Id}/refuser", [new("Reason", "Le SIRET ne correspond pas à l’entreprise décrite.")]);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Indiquez le motif du refus", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var stored = await WithDbAsync(Factory, db => db.Companies.SingleAsync(c => c.Id == company.Id));
        Assert.Equal(CompanyStatus.Rejected, stored.Status);
        Assert.Equal("Le SIRET ne correspond pas à l’entreprise décrite.", stored.StatusReason);
        Assert.Contains("ne correspond pas", await WaitForMailAsync(Factory, "contact@negoce.test"));
    }

    [Fact]
    public async Task A_company_account_cannot_reach_moderation()
    {
        var client = await Factory.CreateUserClientAsync("entreprise@moderation.test", PortalRoles.Company);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/entreprises")).StatusCode);
    }
}

public sealed class DecisionMailTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_decision_mail_is_sent_once_per_recipient_and_a_retry_serves_only_the_missing_ones()
    {
        var company = await AddCompanyAsync(Factory, "Décision Par Destinataire", "75012", CompanyStatus.Approved);
        await Factory.CreateUserClientAsync("premier@decision.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        await Factory.CreateUserClientAsync("second@decision.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        // As if a first run had mailed the first address, then failed before the second.
        await WithDbAsync(Factory, db =>
        {
            db.DecisionMails.Add(new DecisionMail { CompanyId = company.Id, Decision = CompanyStatus.Approved, Email = "premier@decision.test", SentAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var before = Factory.MailCount();

        await RunJobAsync(company.Id);
        var afterFirst = Factory.MailCount();
        await RunJobAsync(company.Id);

        Assert.Equal(before + 1, afterFirst);
        Assert.Equal(afterFirst, Factory.MailCount());
        Assert.Contains("validée", await WaitForMailAsync(Factory, "second@decision.test"));
        var served = await WithDbAsync(Factory, db => db.DecisionMails.Where(m => m.CompanyId == company.Id).Select(m => m.Email).OrderBy(e => e).ToListAsync());
        Assert.Equal(["premier@decision.test", "second@decision.test"], served);
        Assert.NotNull(await WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.DecisionNotifiedAt).SingleAsync()));
    }

    private async Task RunJobAsync(Guid companyId)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(Factory.Services);
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Plan10000.Modules.Companies.Jobs.CompanyDecisionMailJob>(scope.ServiceProvider).SendAsync(companyId);
    }
}
