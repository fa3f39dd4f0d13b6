using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.BrowserTests;

/// <summary>The portal on a real Kestrel port and Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public PortalFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { Locale = "fr-FR" });
        return await context.NewPageAsync();
    }

    public async Task SignInAsAdminAsync(IPage page)
    {
        await page.GotoAsync(BaseUrl + "/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(PortalFactory.AdminEmail);
        await page.GetByLabel("Mot de passe").FillAsync(PortalFactory.AdminPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/compte");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await Factory.DisposeAsync();
        PortalFixture.TryDelete(Factory.DataDirectory);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Navigateur";
}
