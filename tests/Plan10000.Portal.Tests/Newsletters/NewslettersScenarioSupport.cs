using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Newsletters;

/// <summary>Public helpers for the browser tests, which cannot see the modules' internals.</summary>
public static class NewslettersScenarioSupport
{
    public static async Task<Guid> AddActiveClubAsync(PortalFactory factory, string departement, string name)
        => (await Clubs.ClubsTestSupport.AddClubAsync(factory, departement, name)).Id;
}
