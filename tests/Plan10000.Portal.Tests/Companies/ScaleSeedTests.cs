using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>Portal:Seed:ScaleCompanies: the benchmark data, on an empty Companies table only.</summary>
public sealed class ScaleSeedTests
{
    private const int Companies = 300;

    [Fact]
    public async Task Scale_seed_spreads_valid_companies_over_every_departement_once()
    {
        var settings = new Dictionary<string, string?> { ["Portal:Seed:ScaleCompanies"] = Companies.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var dataDirectory = PortalFactory.NewDataDirectory();
        try
        {
            using (var first = new PortalFactory(dataDirectory, settings))
            {
                var companies = await WithDbAsync(first, db => db.Companies.AsNoTracking().Include(c => c.Consents).ToListAsync());
                var commitments = await WithDbAsync(first, db => db.Commitments.CountAsync());
                var byDepartement = companies.GroupBy(c => c.DepartementCode).ToDictionary(g => g.Key, g => g.Count());

                Assert.Equal(Companies, companies.Count);
                Assert.Equal(101, byDepartement.Count);
                Assert.All(byDepartement.Values, n => Assert.InRange(n, Companies / 101, (Companies + 100) / 101));
                Assert.All(companies, c => Assert.True(Siret.IsValidSiret(c.Siret) && c.Siret.StartsWith(c.Siren, StringComparison.Ordinal) && c.Siren.Length == 9, c.Siret));
                Assert.All(companies, c => Assert.Equal(c.DepartementCode, Postcode.Departement(c.Postcode)));
                Assert.All(companies, c => Assert.True(c.Status == CompanyStatus.Approved && c.Publishes(PublicationItems.Name) && c.Publishes(PublicationItems.Commitments), c.Name));
                Assert.Equal(Companies, companies.Select(c => c.Slug).Distinct().Count());
                Assert.True(companies.Select(c => c.Name).Distinct().Count() > Companies * 9 / 10, "Les noms ne sont pas assez variés");
                Assert.Equal(5, companies.Select(c => c.SizeCode).Distinct().Count());
                Assert.InRange(commitments, Companies * 9, Companies * 11);
                var clubs = await Clubs.ClubsTestSupport.WithClubsDbAsync(first, db => db.Clubs.Select(c => c.DepartementCode).ToListAsync());
                var meetings = await Clubs.ClubsTestSupport.WithClubsDbAsync(first, db => db.Meetings.GroupBy(m => m.ClubId).Select(g => new { Count = g.Count(), Minutes = g.Count(m => m.Minutes != null) }).ToListAsync());
                var memberships = await Clubs.ClubsTestSupport.WithClubsDbAsync(first, db => db.Memberships.CountAsync());
                Assert.Equal(101, clubs.Distinct().Count());
                Assert.Equal(101, clubs.Count);
                Assert.All(meetings, m => Assert.True(m.Count == 4 && m.Minutes == 2, $"{m.Count} rencontres, {m.Minutes} comptes rendus"));
                Assert.InRange(memberships, Companies * 45 / 100, Companies * 75 / 100);
                Assert.Contains($"{Companies} entreprises", System.Net.WebUtility.HtmlDecode(await first.CreateClient().GetStringAsync("/entreprises-engagees")).Replace('\u202f', ' ').Replace('\u00a0', ' '));
            }

            using var second = new PortalFactory(dataDirectory, settings);
            Assert.Equal(Companies, await WithDbAsync(second, db => db.Companies.CountAsync()));
            Assert.Equal(101, await Clubs.ClubsTestSupport.WithClubsDbAsync(second, db => db.Clubs.CountAsync()));
        }
        finally
        {
            PortalFixture.TryDelete(dataDirectory);
        }
    }
}
