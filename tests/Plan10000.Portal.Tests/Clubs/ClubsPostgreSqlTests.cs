using System.Net;
using Npgsql;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Clubs;

/// <summary>The clubs' UTC columns, filters, sorts and aggregates on a real PostgreSQL (build.sh provides it; skipped otherwise).</summary>
public sealed class ClubsPostgreSqlTests
{

    [SkippableFact]
    public async Task Club_pages_dashboard_calendar_and_decisions_work_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("clubs");
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
        });
        var club = await AddClubAsync(factory, "59", "Club du Nord");
        var company = await AddCompanyAsync(factory, "Filature du Nord", "59000", CompanyStatus.Approved, null, (4, "JEUNES", "Parrainage"));
        await AddMemberAsync(factory, club.Id, company.Id);
        await AddMeetingAsync(factory, club.Id, DateTime.UtcNow.AddDays(3));
        var past = await AddMeetingAsync(factory, club.Id, DateTime.UtcNow.AddDays(-3));
        var animator = await factory.CreateUserClientAsync("animateur.59@test.gouv.fr", PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var page = $"/admin/clubs/{club.Id}/rencontres/{past.Id}";

        var publicPage = WebUtility.HtmlDecode(await factory.CreateBrowserLikeClient().GetStringAsync("/clubs/59"));
        var dashboard = await animator.GetAsync($"/admin/clubs/{club.Id}");
        var feed = await factory.CreateBrowserLikeClient().GetAsync("/clubs/59/calendrier.ics");
        var decision = await PortalFactory.PostFormAsync(animator, page, page + "/decisions", new() { ["Text"] = "Deux stages", ["CompanyId"] = company.Id.ToString(), ["ThemeNumero"] = "4" });

        Assert.Contains("Filature du Nord", publicPage);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(2, Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events.Count);
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        Assert.Equal(1, await WithClubsDbAsync(factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Decisions, d => d.MeetingId == past.Id && d.CommitmentId != null)));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

}
