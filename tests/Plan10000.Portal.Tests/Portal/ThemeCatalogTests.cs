using Plan10000.Portal.Abstractions.Themes;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Web.Themes;

namespace Plan10000.Portal.Tests.Portal;

public sealed class ThemeCatalogTests
{
    [Fact]
    public void The_three_themes_are_found_and_the_admin_theme_falls_back_to_communaute()
    {
        IThemeCatalog catalog = ThemeCatalog.Discover();

        Assert.Equal(["Admin", "Communaute", "Dsfr"], catalog.Themes.Select(t => t.Id).Order());
        Assert.Equal(["Communaute", "Dsfr"], catalog.PublicThemes.Select(t => t.Id).Order());
        Assert.Equal(["Admin", "Communaute"], catalog.Chain("Admin"));
        Assert.True(catalog.Find("dsfr")!.StateBrand);
        Assert.False(catalog.Find("Communaute")!.StateBrand);
    }

    [Fact]
    public void Unknown_database_provider_is_refused_in_french()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Create("Oracle", null, "/tmp"));
        Assert.Contains("« Oracle » est inconnu", error.Message);

        var missing = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Create("PostgreSql", null, "/tmp"));
        Assert.Contains("ConnectionStrings:Portal est obligatoire", missing.Message);

        Assert.Equal("Data Source=/tmp/portal.db", DatabaseSettings.Create(null, null, "/tmp").ConnectionString);
    }
}
