using System.Net;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

public sealed class CompanySpaceTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Each_change_of_the_fiche_navette_is_a_new_version()
    {
        var company = await AddCompanyAsync(Factory, "Espace Versions", "35000", CompanyStatus.Approved, null, (1, "REPPLUS", "Stages de 3e"));
        var client = await Factory.CreateUserClientAsync("versions@espace.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));

        var added = await PostAsync(client, "/mon-entreprise", "/mon-entreprise/engagements",
            [new("Theme", "7"), new("Publics", "TH"), new("Description", "Aménager deux postes de travail"), new("IntentionQuantity", "2"), new("IntentionUnit", "postes")]);
        var first = await WithDbAsync(Factory, db => db.Commitments.SingleAsync(c => c.CompanyId == company.Id && c.Position == 1));
        var removed = await PostAsync(client, "/mon-entreprise", $"/mon-entreprise/engagements/{first.Id}/retirer", []);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/mon-entreprise"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Aménager deux postes de travail", page);
        Assert.DoesNotContain("Stages de 3e", page);
        Assert.Contains("Fiche navette (version 3)", page);
        Assert.Equal([2, 3], await WithDbAsync(Factory, db => db.FicheVersions.Where(v => v.CompanyId == company.Id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync()));
    }

    [Fact]
    public async Task A_result_is_reported_per_commitment_and_bad_numbers_are_refused()
    {
        var company = await AddCompanyAsync(Factory, "Espace Résultats", "35000", CompanyStatus.Approved, null, (3, "JEUNES", "Recruter des apprentis"));
        var commitment = await WithDbAsync(Factory, db => db.Commitments.SingleAsync(c => c.CompanyId == company.Id));
        var client = await Factory.CreateUserClientAsync("resultats@espace.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var url = $"/mon-entreprise/engagements/{commitment.Id}/resultat";

        var bad = await PostAsync(client, url, url, [new("ResultQuantity", "trois"), new("ResultComment", "Bonne année")]);
        var good = await PostAsync(client, url, url, [new("ResultQuantity", "3"), new("ResultComment", "Trois apprentis recrutés")]);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Bonne année</textarea>", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = await WithDbAsync(Factory, db => db.Commitments.SingleAsync(c => c.Id == commitment.Id));
        Assert.Equal(3, stored.ResultQuantity);
        Assert.NotNull(stored.ResultReportedAt);
    }

    [Fact]
    public async Task A_company_cannot_touch_another_companys_commitment()
    {
        var mine = await AddCompanyAsync(Factory, "Espace Moi", "35000", CompanyStatus.Approved);
        var theirs = await AddCompanyAsync(Factory, "Espace Autre", "35000", CompanyStatus.Approved, null, (4, "DELD", "Parrainage"));
        var theirLine = await WithDbAsync(Factory, db => db.Commitments.SingleAsync(c => c.CompanyId == theirs.Id));
        var client = await Factory.CreateUserClientAsync("moi@espace.test", PortalRoles.Company, (ScopeClaims.Company, mine.Id.ToString()));

        var read = await client.GetAsync($"/mon-entreprise/engagements/{theirLine.Id}/resultat");
        var remove = await PostAsync(client, "/mon-entreprise", $"/mon-entreprise/engagements/{theirLine.Id}/retirer", []);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.True(await WithDbAsync(Factory, db => db.Commitments.AnyAsync(c => c.Id == theirLine.Id)));
    }

    [Fact]
    public async Task Withdrawing_a_publication_consent_removes_it_from_the_showcase()
    {
        var company = await AddCompanyAsync(Factory, "Espace Consentement", "35000", CompanyStatus.Approved, null, (9, "REFUGIES", "Programme Hope pour réfugiés"));
        var client = await Factory.CreateUserClientAsync("consentement@espace.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var before = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/entreprises-engagees/" + company.Slug));

        var saved = await PostAsync(client, "/mon-entreprise/profil", "/mon-entreprise/profil",
            [new("SizeCode", "PME"), new("SectorCode", "INDUSTRIE"), new("Address", "1 rue de test"), new("City", "Rennes"), new("Consents", PublicationItems.Name)]);
        var after = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/entreprises-engagees/" + company.Slug));
        var search = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/entreprises-engagees?q=programme+hope"));

        Assert.Contains("Programme Hope pour réfugiés", before);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("Programme Hope", after);
        Assert.DoesNotContain("Espace Consentement", search);
    }

    [Fact]
    public async Task A_company_that_withdraws_leaves_the_showcase()
    {
        var company = await AddCompanyAsync(Factory, "Espace Retrait", "35000", CompanyStatus.Approved);
        var client = await Factory.CreateUserClientAsync("retrait@espace.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var before = await Factory.CreateBrowserLikeClient().GetAsync("/entreprises-engagees/" + company.Slug);

        var response = await PostAsync(client, "/mon-entreprise", "/mon-entreprise/retrait", []);
        var after = await Factory.CreateBrowserLikeClient().GetAsync("/entreprises-engagees/" + company.Slug);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(CompanyStatus.Withdrawn, await WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_account_without_a_company_is_sent_to_the_sign_up()
    {
        var client = await Factory.CreateUserClientAsync("sans-entreprise@espace.test", PortalRoles.Company);

        var response = await client.GetAsync("/mon-entreprise");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inscription", response.Headers.Location!.ToString());
    }
}

public sealed class DemoCompaniesTests
{
    [Fact]
    public async Task Demo_mode_seeds_about_thirty_demo_companies_once_across_several_departements()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true" });
        var client = factory.CreateBrowserLikeClient();
        var showcase = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees"));

        var companies = await WithDbAsync(factory, db => db.Companies.Include(c => c.Commitments).ToListAsync());
        Assert.InRange(companies.Count, 25, 40);
        Assert.All(companies, c => Assert.True(c.IsDemo));
        Assert.All(companies, c => Assert.NotEmpty(c.Commitments));
        Assert.True(companies.Select(c => c.DepartementCode).Distinct().Count() >= 5);
        Assert.Contains(companies, c => c.Status == CompanyStatus.Pending);
        Assert.Contains("(démo)", showcase);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
