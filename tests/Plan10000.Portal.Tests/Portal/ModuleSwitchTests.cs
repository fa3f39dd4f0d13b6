using System.Net;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Tests.Support;
using Plan10000.Portal.Web.Modules;

namespace Plan10000.Portal.Tests.Portal;

public sealed class ModuleSwitchTests
{
    [Fact]
    public async Task A_module_switched_off_answers_404_on_its_pages_and_the_rest_still_works()
    {
        // Content, Companies, Clubs, Conventions and Indicators depend on Referentials, Newsletters on Clubs and Content:
        // switching Referentials off means switching them off too.
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Modules:Newsletters:Enabled"] = "false",
            ["Portal:Modules:Referentials:Enabled"] = "false",
            ["Portal:Modules:Content:Enabled"] = "false",
            ["Portal:Modules:Companies:Enabled"] = "false",
            ["Portal:Modules:Clubs:Enabled"] = "false",
            ["Portal:Modules:Conventions:Enabled"] = "false",
            ["Portal:Modules:Indicators:Enabled"] = "false",
        });
        var client = await factory.CreateAdminClientAsync();

        var page = await client.GetAsync("/admin/referentiels");
        var contentPage = await client.GetAsync("/ressources/bonnes-pratiques");
        var modules = await client.GetStringAsync("/admin/modules");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contentPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/entreprises-engagees")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/clubs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/conventions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tableau-de-bord/indicateurs")).StatusCode);
        Assert.Contains("Désactivé", modules);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task The_same_page_answers_when_the_module_is_on()
    {
        using var factory = new PortalFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await client.GetAsync("/admin/referentiels");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Corse-du-Sud", await page.Content.ReadAsStringAsync());
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public void A_module_whose_dependency_is_off_refuses_to_start_with_a_clear_message()
    {
        PortalModuleAttribute[] modules =
        [
            new() { Id = "Clubs", Name = "Clubs", Dependencies = ["Companies"] },
            new() { Id = "Companies", Name = "Entreprises" },
        ];

        var error = Assert.Throws<InvalidOperationException>(() => ModuleLoader.Plan(modules, id => id != "Companies"));

        Assert.Contains("Le module « Clubs » dépend de « Companies », désactivé ou absent.", error.Message);
        Assert.Contains("Portal__Modules__Clubs__Enabled=false", error.Message);
    }

    [Fact]
    public void Modules_load_after_their_dependencies_and_cycles_are_named()
    {
        PortalModuleAttribute[] modules =
        [
            new() { Id = "Newsletters", Name = "N", Dependencies = ["Clubs"] },
            new() { Id = "Clubs", Name = "C", Dependencies = ["Companies"] },
            new() { Id = "Companies", Name = "E", Dependencies = ["Referentials"] },
            new() { Id = "Referentials", Name = "R" },
        ];

        var order = ModuleLoader.Plan(modules, _ => true).Select(m => m.Module.Id).ToList();
        Assert.Equal(["Referentials", "Companies", "Clubs", "Newsletters"], order);

        var cycle = Assert.Throws<InvalidOperationException>(() => ModuleLoader.Order(new Dictionary<string, IReadOnlyList<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["A"],
        }));
        Assert.Contains("A → B → A", cycle.Message);
    }

    [Fact]
    public void The_accounts_module_cannot_be_switched_off()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Modules:Accounts:Enabled"] = "false" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("« Accounts » est indispensable", error.Message);
    }
}
