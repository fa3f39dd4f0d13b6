using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Conventions;

/// <summary>Public helpers for the browser tests, which cannot see the modules' internals.</summary>
public static class ConventionsScenarioSupport
{
    /// <summary>An active club with two member companies whose theme-1 lines plan 4 and 3 « stages »; returns the club's id.</summary>
    public static async Task<Guid> AddClubWithPlannedStagesAsync(PortalFactory factory, string departement, string postcode, string clubName)
    {
        var club = await Clubs.ClubsTestSupport.AddClubAsync(factory, departement, clubName, ClubStatus.Active);
        foreach (var (name, quantity) in new[] { ("Première entreprise " + clubName, 4), ("Seconde entreprise " + clubName, 3) })
        {
            var company = await AddCompanyAsync(factory, name, postcode, CompanyStatus.Approved, null, (1, "JEUNES", "Stages de 3e"));
            await ConventionsTestSupport.SetIntentionAsync(factory, company.Id, 1, quantity, "stages");
            await Clubs.ClubsTestSupport.AddMemberAsync(factory, club.Id, company.Id);
        }

        return club.Id;
    }
}
