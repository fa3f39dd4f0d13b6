using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>The département values form refuses a bad period in French, keeping the typed values; the late members of each club.</summary>
public sealed class DepartementValuesAndLateMembersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_bad_period_answers_the_form_with_a_french_message_next_to_the_field_and_keeps_the_typed_values()
    {
        var definition = (await DefinitionsAsync(Factory))["PARRAINAGES"];
        var admin = await Factory.CreateAdminClientAsync();
        var page = "/admin/indicateurs/departements/29/valeurs?periode=2027-T1";

        var response = await PortalFactory.PostFormAsync(admin, page, page, new() { ["periode"] = "2027-T9", [ValuesForms.FieldName(definition.Id)] = "4321" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Écrivez la période sous la forme 2026-T2 (trimestre) ou 2026-S1 (semestre).", html);
        Assert.Contains("value=\"2027-T9\"", html);
        Assert.Contains("value=\"4321\"", html);
        Assert.False(await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Values.AnyAsync(v => v.DepartementCode == "29" && v.Value == 4321)));

        var saved = await PortalFactory.PostFormAsync(admin, page, page, new() { ["periode"] = "2027-T1", [ValuesForms.FieldName(definition.Id)] = "4321" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Values.AnyAsync(v => v.DepartementCode == "29" && v.Value == 4321)));
    }

    [Fact]
    public async Task The_campaign_page_lists_the_late_accepted_members_of_each_club()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var campaign = await AddCampaignAsync(Factory, "2029-T2");
        var definition = (await DefinitionsAsync(Factory))["PARRAINAGES"];
        var first = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "29", "Club Aber " + suffix);
        var second = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "29", "Club Brest " + suffix);
        var reported = await AddCompanyAsync(Factory, "Transmise " + suffix, "29200");
        var lateFirst = await AddCompanyAsync(Factory, "Retard un " + suffix, "29200");
        var lateSecond = await AddCompanyAsync(Factory, "Retard deux " + suffix, "29200");
        var pending = await AddCompanyAsync(Factory, "Candidate " + suffix, "29200");
        await Clubs.ClubsTestSupport.AddMemberAsync(Factory, first.Id, reported);
        await Clubs.ClubsTestSupport.AddMemberAsync(Factory, first.Id, lateFirst);
        await Clubs.ClubsTestSupport.AddMemberAsync(Factory, second.Id, lateSecond);
        await Clubs.ClubsTestSupport.AddMemberAsync(Factory, second.Id, pending, MembershipStatus.Pending);
        await ReportAsync(Factory, campaign, SubjectKind.Company, reported, "29", new Dictionary<Guid, decimal> { [definition.Id] = 1 }, SubmissionStatus.Submitted);
        var admin = await Factory.CreateAdminClientAsync();

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/indicateurs/campagnes/{campaign.Id}?departement=29"));

        string Section(string club)
        {
            var start = html.IndexOf("Membres en retard — " + club, StringComparison.Ordinal);
            Assert.True(start >= 0, club);
            var end = html.IndexOf("Membres en retard — ", start + 10, StringComparison.Ordinal);
            return end < 0 ? html[start..] : html[start..end];
        }

        var firstSection = Section(first.Name);
        var secondSection = Section(second.Name);
        Assert.Contains("Retard un " + suffix, firstSection);
        Assert.DoesNotContain("Transmise " + suffix, firstSection);
        Assert.DoesNotContain("Retard deux " + suffix, firstSection);
        Assert.Contains("Retard deux " + suffix, secondSection);
        Assert.DoesNotContain("Candidate " + suffix, secondSection);
        Assert.DoesNotContain("Retard un " + suffix, secondSection);
    }
}
