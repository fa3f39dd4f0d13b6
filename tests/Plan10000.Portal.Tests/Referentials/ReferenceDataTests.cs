using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Referentials;

public sealed class ReferenceDataTests
{
    [Fact]
    public async Task The_database_holds_exactly_101_departements_18_regions_and_14_themes_after_several_starts()
    {
        var directory = PortalFactory.NewDataDirectory();
        for (var start = 0; start < 3; start++)
        {
            using var factory = new PortalFactory(directory);
            using var scope = factory.Services.CreateScope();
            var query = scope.ServiceProvider.GetRequiredService<IReferentialsQuery>();

            Assert.Equal(101, (await query.GetDepartementsAsync()).Count);
            Assert.Equal(18, (await query.GetRegionsAsync()).Count);
            Assert.Equal(14, (await query.GetThemesAsync()).Count);
        }

        PortalFixture.TryDelete(directory);
    }

    [Fact]
    public async Task Territories_come_from_the_official_list_with_corsica_and_overseas()
    {
        using var factory = new PortalFactory();
        using var scope = factory.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<IReferentialsQuery>();
        var departements = (await query.GetDepartementsAsync()).ToDictionary(d => d.Code);
        var regions = (await query.GetRegionsAsync()).ToDictionary(r => r.Code);

        Assert.Equal("Corse-du-Sud", departements["2A"].Nom);
        Assert.Equal("Haute-Corse", departements["2B"].Nom);
        Assert.Equal(["971", "972", "973", "974", "976"], departements.Keys.Where(k => k.Length == 3).Order().ToArray());
        Assert.DoesNotContain("20", departements.Keys);
        Assert.Equal("Corse", regions[departements["2A"].RegionCode].Nom);
        Assert.Equal(5, regions.Values.Count(r => r.Zone == "drom"));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task Themes_carry_the_circular_labels_services_and_the_transversal_flag()
    {
        using var factory = new PortalFactory();
        using var scope = factory.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<IReferentialsQuery>();
        var themes = await query.GetThemesAsync();

        Assert.Equal("Réalisation de parrainages", themes.Single(t => t.Numero == 4).Libelle);
        Assert.Equal("DREAL", themes.Single(t => t.Numero == 14).ServicesCompetents);
        Assert.Equal(7, themes.Single(t => t.Transversal).Numero);
        Assert.Contains((await query.GetSecteursAsync()), s => s.Code == "AGRICULTURE");
        Assert.Contains((await query.GetSecteursAsync()), s => s.Code == "ARTISANAT");
        Assert.Equal(["TPE", "PME", "ETI", "GE", "FILIALE"], (await query.GetTaillesEntrepriseAsync()).Select(t => t.Code));
        Assert.Equal(9, (await query.GetPublicsAsync()).Count);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
