using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Api;

/// <summary>Issue 14: the feed of engaged SIRETs for other public services, the companies' own dates and their NAF code (ADR 0030).</summary>
public sealed class SiretFeedAndLastModifiedTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly DateTime LongAgo = new(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc);

    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_siret_feed_lists_only_the_showcase_companies_with_their_public_identifiers()
    {
        var listed = await AddCompanyAsync(Factory, "Siret Listée", "48000", CompanyStatus.Approved);
        await SetAsync(listed.Id, c => c.NafCode = "62.01Z");
        await AddCompanyAsync(Factory, "Siret Hors Vitrine", "48000", CompanyStatus.Approved, [PublicationItems.Address]);
        await AddCompanyAsync(Factory, "Siret En Attente", "48000", CompanyStatus.Pending);
        await AddCompanyAsync(Factory, "Siret Retirée", "48000", CompanyStatus.Withdrawn);
        await EvictAsync();

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/siret?departement=48");
        request.Headers.Add("Origin", "https://service-public.example");
        var response = await Factory.CreateClient().SendAsync(request);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = Assert.Single(page.RootElement.GetProperty("etablissements").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(listed.Siret, row.GetProperty("siret").GetString());
        Assert.Equal(listed.Siren, row.GetProperty("siren").GetString());
        Assert.Equal("Siret Listée", row.GetProperty("nom").GetString());
        Assert.Equal("48", row.GetProperty("departement").GetString());
        Assert.Equal("62.01Z", row.GetProperty("codeNaf").GetString());
        Assert.Equal(listed.Slug, row.GetProperty("slug").GetString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("rel=\"first\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task The_siret_feed_filters_by_change_date_and_pages_with_links()
    {
        var old = await AddCompanyAsync(Factory, "Siret Ancienne", "23000", CompanyStatus.Approved);
        var recent = await AddCompanyAsync(Factory, "Siret Récente", "23000", CompanyStatus.Approved);
        await DateAsync(old.Id, LongAgo);
        await EvictAsync();
        var client = Factory.CreateClient();
        var since = Uri.EscapeDataString(LongAgo.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

        using var changed = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/siret?departement=23&depuis={since}"));
        var first = await client.GetAsync("/api/v1/siret?departement=23&taillePage=1");
        using var firstPage = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var bad = await client.GetAsync("/api/v1/siret?depuis=hier");

        Assert.Equal([recent.Siret], changed.RootElement.GetProperty("etablissements").EnumerateArray().Select(e => e.GetProperty("siret").GetString()));
        Assert.Equal(2, firstPage.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2, firstPage.RootElement.GetProperty("pageCount").GetInt32());
        // Sorted by SIRET.
        Assert.Equal(string.CompareOrdinal(old.Siret, recent.Siret) < 0 ? old.Siret : recent.Siret, firstPage.RootElement.GetProperty("etablissements")[0].GetProperty("siret").GetString());
        Assert.Equal("/api/v1/siret?departement=23&taillePage=1&page=2", firstPage.RootElement.GetProperty("liens").GetProperty("suivante").GetString());
        Assert.Contains("</api/v1/siret?departement=23&taillePage=1&page=2>; rel=\"next\"", first.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("depuis", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_company_answers_its_own_last_modified_which_moves_after_an_edit_and_if_modified_since_gives_304()
    {
        var company = await AddCompanyAsync(Factory, "Date Profil", "15000", CompanyStatus.Approved);
        await DateAsync(company.Id, LongAgo);
        await EvictAsync();
        var url = "/api/v1/entreprises/" + company.Slug;
        var anonymous = Factory.CreateClient();

        var before = await anonymous.GetAsync(url);
        var unchanged = await SendAsync(anonymous, url, since: LongAgo);
        // RFC 9110 § 13.2.2: an If-None-Match that does not match wins over a matching If-Modified-Since.
        var otherTag = await SendAsync(anonymous, url, since: LongAgo, etag: "\"autre\"");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(new DateTimeOffset(LongAgo), before.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);

        var owner = await Factory.CreateUserClientAsync("date@profil.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var saved = await PostAsync(owner, "/mon-entreprise/profil", "/mon-entreprise/profil",
            [new("SizeCode", "PME"), new("SectorCode", "INDUSTRIE"), new("Address", "1 rue de test"), new("City", "Aurillac"), new("NafCode", "6201z"), .. PublicationItems.Labels.Select(l => new KeyValuePair<string, string>("Consents", l.Key))]);
        var after = await anonymous.GetAsync(url);
        using var body = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        var changed = await SendAsync(anonymous, url, since: LongAgo);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(after.Content.Headers.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5), $"Last-Modified {after.Content.Headers.LastModified}");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("62.01Z", body.RootElement.GetProperty("codeNaf").GetString());
        Assert.Equal(after.Content.Headers.LastModified, body.RootElement.GetProperty("misAJourLe").GetDateTimeOffset().AddTicks(-(body.RootElement.GetProperty("misAJourLe").GetDateTimeOffset().Ticks % TimeSpan.TicksPerSecond)));
    }

    [Fact]
    public async Task The_list_answers_the_latest_change_of_any_company_so_a_withdrawal_moves_it()
    {
        var company = await AddCompanyAsync(Factory, "Date Liste", "15000", CompanyStatus.Approved);
        await EvictAsync();
        var anonymous = Factory.CreateClient();
        var before = (await anonymous.GetAsync("/api/v1/siret?departement=15")).Content.Headers.LastModified!.Value;
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        var owner = await Factory.CreateUserClientAsync("date@liste.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var withdrawn = await PostAsync(owner, "/mon-entreprise", "/mon-entreprise/retrait", []);
        var after = await SendAsync(anonymous, "/api/v1/siret?departement=15", since: before.UtcDateTime);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(after.Content.Headers.LastModified > before, $"{after.Content.Headers.LastModified} ≤ {before}");
        Assert.DoesNotContain(company.Siret, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commitment_change_alone_dates_its_company_and_a_change_no_answer_shows_does_not()
    {
        var company = await AddCompanyAsync(Factory, "Date Engagement", "15000", CompanyStatus.Approved, null, (4, "JEUNES", "Six stagiaires de 3e."));
        await DateAsync(company.Id, LongAgo);

        // Only the commitment is loaded: the company is dated all the same.
        await WithDbAsync(Factory, async db =>
        {
            (await db.Commitments.SingleAsync(m => m.CompanyId == company.Id)).ResultQuantity = 6;
            return await db.SaveChangesAsync();
        });
        var afterResult = await UpdatedAtAsync(company.Id);
        await DateAsync(company.Id, LongAgo);
        await SetAsync(company.Id, c =>
        {
            c.DecisionNotifiedAt = DateTimeOffset.UtcNow;
            c.ContactUserId = "referent-id";
        });

        Assert.True(afterResult > DateTime.UtcNow.AddMinutes(-5), $"UpdatedAt {afterResult:o}");
        Assert.Equal(LongAgo, await UpdatedAtAsync(company.Id));
    }

    [Fact]
    public async Task A_malformed_naf_code_is_refused_next_to_its_field_and_the_back_office_shows_the_stored_one()
    {
        var company = await AddCompanyAsync(Factory, "Naf Profil", "15000", CompanyStatus.Approved);
        await SetAsync(company.Id, c => c.NafCode = "10.71C");
        var owner = await Factory.CreateUserClientAsync("naf@profil.test", PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));

        var refused = await PostAsync(owner, "/mon-entreprise/profil", "/mon-entreprise/profil",
            [new("SizeCode", "PME"), new("SectorCode", "INDUSTRIE"), new("Address", "1 rue de test"), new("City", "Aurillac"), new("NafCode", "62-01")]);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var form = WebUtility.HtmlDecode(await owner.GetStringAsync("/mon-entreprise/profil"));
        var admin = WebUtility.HtmlDecode(await (await Factory.CreateAdminClientAsync()).GetStringAsync("/admin/entreprises/" + company.Id));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Saisissez un code NAF de la forme 62.01Z", html, StringComparison.Ordinal);
        Assert.Contains("value=\"62-01\"", html, StringComparison.Ordinal);
        Assert.Equal("10.71C", await WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.NafCode).SingleAsync()));
        Assert.Contains("value=\"10.71C\"", form, StringComparison.Ordinal);
        Assert.Contains("Code NAF", admin, StringComparison.Ordinal);
        Assert.Contains("10.71C", admin, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, DateTime since, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfModifiedSince = new DateTimeOffset(since);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        }

        return await client.SendAsync(request);
    }

    private Task<int> SetAsync(Guid id, Action<Company> change) => WithDbAsync(Factory, async db =>
    {
        change((await db.Companies.FindAsync(id))!);
        return await db.SaveChangesAsync();
    });

    /// <summary>Behind the context's stamping (a bulk update does not go through SaveChanges), as a company last changed long ago.</summary>
    private Task<int> DateAsync(Guid id, DateTime at)
        => WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, at)));

    private Task<DateTime> UpdatedAtAsync(Guid id)
        => WithDbAsync(Factory, async db => DateTime.SpecifyKind(await db.Companies.Where(c => c.Id == id).Select(c => c.UpdatedAt).SingleAsync(), DateTimeKind.Utc));

    /// <summary>Companies added behind the module's back (no event): start from an empty output cache.</summary>
    private Task EvictAsync() => Factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync("site", CancellationToken.None).AsTask();
}
