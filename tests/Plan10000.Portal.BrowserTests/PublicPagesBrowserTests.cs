
namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PublicPagesBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture fixture;

    public PublicPagesBrowserTests(BrowserFixture fixture) => this.fixture = fixture;

    public static TheoryData<string> PublicPages() =>
    [
        "/", "/mentions-legales", "/donnees-personnelles", "/accessibilite", "/plan-du-site", "/recherche?q=club", "/compte/connexion", "/compte/creer", "/compte/mot-de-passe-oublie", "/page-inexistante",
    ];

    [Fact]
    public async Task The_home_page_renders_with_the_dsfr_stylesheet_applied_and_no_csp_violation()
    {
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };

        await page.GotoAsync(fixture.BaseUrl + "/");

        var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        var headerLine = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.fr-header__service-title')).fontWeight");
        Assert.Contains("Marianne", font);
        Assert.Equal("700", headerLine);
        Assert.Equal("La France, une chance. Les entreprises s’engagent", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Axe_finds_no_serious_or_critical_violation(string url)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + url);

        var serious = await page.SeriousViolationsAsync();

        Assert.Empty(serious);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_focus_stop_and_leads_to_the_content()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("Contenu", focused);
        Assert.EndsWith("#contenu", page.Url);
    }
}
