using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Newsletters.NewslettersTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>Well-formed dates at the ends of the calendar are refused with a French message and a 400, never a 500.</summary>
public sealed class OutOfRangeDatesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("0001-01-01", "2027-02-01")]
    [InlineData("2027-01-01", "9999-12-31")]
    public async Task A_campaign_with_a_date_outside_the_programme_years_is_refused(string opens, string due)
    {
        var admin = await Factory.CreateAdminClientAsync();
        var name = "Campagne hors bornes " + Guid.NewGuid().ToString("N")[..6];

        var response = await PortalFactory.PostFormAsync(admin, "/admin/indicateurs/campagnes", "/admin/indicateurs/campagnes",
            new() { ["Name"] = name, ["Period"] = "2027-T1", ["OpensOn"] = opens, ["DueOn"] = due });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("entre 2018 et 2100", page);
        Assert.Contains(name, page);
        Assert.False(await IndicatorsTestSupport.WithAsync(Factory, sp => Task.FromResult(sp.GetRequiredService<IndicatorsDbContext>().Campaigns.Any(c => c.Name == name))));
    }

    [Fact]
    public async Task A_newsletter_scheduled_on_the_first_day_of_the_calendar_is_refused()
    {
        var club = await AddClubAsync(Factory, "56", "Club du calendrier " + Guid.NewGuid().ToString("N")[..4]);
        var id = await AddNewsletterAsync(Factory, club.Id, "Lettre hors du temps");
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var page = "/admin/lettres/" + id;

        var response = await PortalFactory.PostFormAsync(animator, page, page + "/envoyer", new() { ["Date"] = "0001-01-01", ["Time"] = "00:00" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choisissez un moment à venir", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
