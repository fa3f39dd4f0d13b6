using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using Xunit.Abstractions;

namespace Plan10000.Portal.Tests.Portal.Walk;

/// <summary>A signed-in (or anonymous) visitor of the walk, with what his crawl found.</summary>
public sealed record WalkUser(string Name, string? Role, HttpClient Client, SiteCrawler Crawl);

/// <summary>
/// Issue 16, parts 4 and 5: the portal's own routes (endpoint data sources) walked as every role on the demo data.
/// One walk per provider, in an order that keeps the read-only checks before the submissions that change data:
/// crawl, scope, role × action refusals, GET fuzz, form fuzz, then role × action for the roles that hold the permission.
/// </summary>
public abstract class RouteWalkTests(ITestOutputHelper output)
{
    private const int FuzzPerForm = 16;
    private static readonly string[] Entries = ["/", "/admin", "/mon-entreprise", "/compte"];

    private readonly List<string> failures = [];
    private readonly Dictionary<string, int> counts = [];

    protected abstract string Provider { get; }

    protected async Task WalkAsync(Dictionary<string, string?> settings)
    {
        settings["Portal:Seed:Demo"] = "true";
        settings["Portal:Jobs:Server"] = "false";
        settings["Portal:RateLimit:SensitivePerMinute"] = "1000000";
        var writes = new WriteCounter();
        using var factory = new PortalFactory(settings: settings) { TestServices = writes.AttachToEveryDbContext };
        var catalog = new RouteCatalog(factory.Services.GetRequiredService<EndpointDataSource>());
        IReadOnlySet<(string Role, string Permission)> grants;
        using (var scope = factory.Services.CreateScope())
        {
            grants = await scope.ServiceProvider.GetRequiredService<IPermissionGrants>().GetGrantsAsync();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var users = await SignInEveryRoleAsync(factory, catalog);
        output.WriteLine($"{clock.Elapsed} crawl");
        counts["routes GET"] = catalog.Gets.Count();
        counts["routes POST"] = catalog.Posts.Count();
        counts["pages parcourues"] = users.Sum(u => u.Crawl.Pages.Count);
        foreach (var user in users)
        {
            foreach (var page in user.Crawl.Pages.Values.Where(p => (int)p.Status >= 500))
            {
                failures.Add($"{user.Name} : GET {page.Url} → {(int)page.Status}");
            }
        }

        await ScopeWalkAsync(users, catalog, writes);
        output.WriteLine($"{clock.Elapsed} ScopeWalkAsync");
        await RefusalsByRoleAsync(users, catalog, grants, writes);
        output.WriteLine($"{clock.Elapsed} RefusalsByRoleAsync");
        await FuzzGetsAsync(users, catalog);
        output.WriteLine($"{clock.Elapsed} FuzzGetsAsync");
        await FuzzFormsAsync(users, catalog, writes);
        output.WriteLine($"{clock.Elapsed} FuzzFormsAsync");
        await HoldersByRoleAsync(users, catalog, grants);
        output.WriteLine($"{clock.Elapsed} HoldersByRoleAsync");

        var report = new StringBuilder($"Parcours des routes ({Provider}) : ");
        report.AppendJoin(", ", counts.Select(c => $"{c.Value} {c.Key}"));
        report.Append($", {failures.Count} anomalie(s)");
        output.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("PORTAL_WALK_REPORT") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, report + Environment.NewLine);
        }

        PortalFixture.TryDelete(factory.DataDirectory);
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(60)));
        Assert.True(counts["soumissions de formulaires malformées"] >= 2_000, report.ToString());
    }

    private static async Task<List<WalkUser>> SignInEveryRoleAsync(PortalFactory factory, RouteCatalog catalog)
    {
        using var scope = factory.Services.CreateScope();
        var companies = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        var clubs = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
        async Task<string> CompanyIn(string departement) => (await companies.Companies
            .Where(c => c.DepartementCode == departement && c.Status == CompanyStatus.Approved).OrderBy(c => c.Name).FirstAsync()).Id.ToString();
        async Task<string> ClubIn(string departement) => (await clubs.Clubs.Where(c => c.DepartementCode == departement).OrderBy(c => c.Name).FirstAsync()).Id.ToString();

        var accounts = new List<(string Name, string? Role, Func<Task<HttpClient>> SignIn)>
        {
            ("anonyme", null, () => Task.FromResult(factory.CreateBrowserLikeClient())),
            ("entreprise-33", PortalRoles.Company, async () => await factory.CreateUserClientAsync("entreprise33@walk.test", PortalRoles.Company, (ScopeClaims.Company, await CompanyIn("33")))),
            ("entreprise-13", PortalRoles.Company, async () => await factory.CreateUserClientAsync("entreprise13@walk.test", PortalRoles.Company, (ScopeClaims.Company, await CompanyIn("13")))),
            ("referent-33", PortalRoles.TerritorialReferent, () => factory.CreateUserClientAsync("referent33@walk.test", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "33"))),
            ("referent-13", PortalRoles.TerritorialReferent, () => factory.CreateUserClientAsync("referent13@walk.test", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "13"))),
            ("redacteur", PortalRoles.Editor, () => factory.CreateUserClientAsync("redaction@walk.test", PortalRoles.Editor)),
            ("animateur-33", PortalRoles.ClubAnimator, async () => await factory.CreateUserClientAsync("animateur33@walk.test", PortalRoles.ClubAnimator, (ScopeClaims.Club, await ClubIn("33")))),
            ("animateur-13", PortalRoles.ClubAnimator, async () => await factory.CreateUserClientAsync("animateur13@walk.test", PortalRoles.ClubAnimator, (ScopeClaims.Club, await ClubIn("13")))),
            ("intermediation-33", PortalRoles.IntermediationActor, () => factory.CreateUserClientAsync("intermediation33@walk.test", PortalRoles.IntermediationActor, (ScopeClaims.Departement, "33"))),
            ("intermediation-13", PortalRoles.IntermediationActor, () => factory.CreateUserClientAsync("intermediation13@walk.test", PortalRoles.IntermediationActor, (ScopeClaims.Departement, "13"))),
            ("administrateur-national", PortalRoles.NationalAdmin, factory.CreateAdminClientAsync),
        };
        var users = new List<WalkUser>();
        foreach (var (name, role, signIn) in accounts)
        {
            var client = await signIn();
            var crawl = new SiteCrawler(client, catalog, maxPages: role == PortalRoles.NationalAdmin ? 420 : 200);
            await crawl.CrawlAsync(Entries);
            users.Add(new WalkUser(name, role, client, crawl));
        }

        return users;
    }

    /// <summary>What user A reaches on an object of his département or club, user B of another one may neither read nor change.</summary>
    private async Task ScopeWalkAsync(List<WalkUser> users, RouteCatalog catalog, WriteCounter writes)
    {
        var pairs = new[] { ("referent-33", "referent-13"), ("animateur-33", "animateur-13"), ("intermediation-33", "intermediation-13"), ("entreprise-33", "entreprise-13") };
        int reads = 0, changes = 0;
        foreach (var (a, b) in pairs.SelectMany(p => new[] { p, (p.Item2, p.Item1) }))
        {
            var owner = users.Single(u => u.Name == a);
            var other = users.Single(u => u.Name == b);
            var otherPaths = other.Crawl.Pages.Keys.Select(PathOf).ToHashSet();
            foreach (var page in owner.Crawl.Pages.Values.Where(p => p.Status == HttpStatusCode.OK && !otherPaths.Contains(PathOf(p.Url))))
            {
                if (catalog.Match("GET", PathOf(page.Url)) is not { Route: { Parameters.Count: > 0, AllowsAnonymous: false } })
                {
                    continue;
                }

                reads++;
                using var response = await other.Client.GetAsync(page.Url);
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    failures.Add($"périmètre : {b} lit {page.Url} (objet de {a}) → {(int)response.StatusCode}");
                }
            }

            var otherActions = other.Crawl.Forms.Select(f => f.ActionPath).ToHashSet();
            foreach (var form in owner.Crawl.Forms.Where(f => f.Method == "POST" && !otherActions.Contains(f.ActionPath)).DistinctBy(f => f.ActionPath))
            {
                if (catalog.Match("POST", form.ActionPath) is not { Route: { Parameters.Count: > 0, AllowsAnonymous: false } })
                {
                    continue;
                }

                changes++;
                var mark = writes.Count;
                using var response = await SubmitAsync(other, form, form.Fields);
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound) || writes.Since(mark).Any())
                {
                    failures.Add($"périmètre : {b} soumet {form.Action} (objet de {a}) → {(int)response.StatusCode}{WritesOf(writes, mark)}");
                }
            }
        }

        counts["lectures hors périmètre"] = reads;
        counts["modifications hors périmètre"] = changes;
    }

    /// <summary>Every POST route, as every role that does not hold what the route asks: refused, and nothing stored.</summary>
    private async Task RefusalsByRoleAsync(List<WalkUser> users, RouteCatalog catalog, IReadOnlySet<(string Role, string Permission)> grants, WriteCounter writes)
    {
        var refusals = 0;
        var everyForm = users.OrderBy(u => u.Role == PortalRoles.NationalAdmin ? 0 : 1).SelectMany(u => u.Crawl.Forms).Where(f => f.Method == "POST").ToList();
        foreach (var route in catalog.Posts.Where(r => !r.AllowsAnonymous))
        {
            if ((route.Pattern.RawText ?? "").TrimStart('/').StartsWith("admin", StringComparison.Ordinal) && route.Permissions.Count == 0)
            {
                failures.Add($"rôle × action : {route.Display} n’exige aucune permission");
            }

            var form = everyForm.FirstOrDefault(f => catalog.Match("POST", f.ActionPath)?.Route == route);
            foreach (var user in users.Where(u => u.Role is null || !route.IsGrantedTo(u.Role, grants)))
            {
                var own = user.Crawl.Forms.FirstOrDefault(f => f.Method == "POST" && catalog.Match("POST", f.ActionPath)?.Route == route);
                var target = own ?? form ?? new WalkForm("/", "POST", route.Build(new Dictionary<string, string>(), SampleValue), false, []);
                refusals++;
                var mark = writes.Count;
                using var response = await SubmitAsync(user, target, target.Fields);
                var refused = user.Role is null
                    ? response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/compte/connexion", StringComparison.Ordinal) == true)
                    : response.StatusCode == HttpStatusCode.Forbidden;
                if (!refused || writes.Since(mark).Any())
                {
                    failures.Add($"rôle × action : {user.Name} sans la permission ({string.Join(", ", route.Permissions)}) soumet {target.Action} → {(int)response.StatusCode}{WritesOf(writes, mark)}");
                }
            }
        }

        counts["refus rôle × action"] = refusals;
    }

    /// <summary>Every GET route with malformed query values and path segments, as each role on the routes it reaches.</summary>
    private async Task FuzzGetsAsync(List<WalkUser> users, RouteCatalog catalog)
    {
        var requests = 0;
        var queryKeys = users.SelectMany(u => u.Crawl.Pages.Keys.Concat(u.Crawl.Forms.Where(f => f.Method == "GET").Select(f => f.Action + "?" + string.Join('&', f.Fields.Select(x => x.Name + "=")))))
            .Where(url => url.Contains('?'))
            .Select(url => (Route: catalog.Match("GET", PathOf(url))?.Route, Keys: url[(url.IndexOf('?') + 1)..].Split('&').Select(p => Uri.UnescapeDataString(p.Split('=')[0]))))
            .Where(x => x.Route is not null)
            .GroupBy(x => x.Route!.Display)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Keys).Where(k => k.Length > 0).Distinct().ToList());
        foreach (var user in users)
        {
            var everything = user.Role is null or PortalRoles.NationalAdmin;
            var reached = user.Crawl.Pages.Keys.Select(u => catalog.Match("GET", PathOf(u))).OfType<(WalkRoute Route, Dictionary<string, string> Values)>()
                .GroupBy(m => m.Route).ToDictionary(g => g.Key, g => g.First().Values);
            foreach (var route in everything ? catalog.Gets : reached.Keys)
            {
                var values = reached.GetValueOrDefault(route) ?? [];
                var url = route.Build(values, SampleValue);
                var keys = queryKeys.GetValueOrDefault(route.Display) ?? [];
                keys = [.. keys.Union(["page", "q"])];
                // The whole corpus as the anonymous visitor; a rotating share of it for the signed-in roles, so the walk stays
                // within the test run's budget while every value still meets every route.
                var share = user.Role switch { null => 1, PortalRoles.NationalAdmin => 3, _ => 10 };
                var offset = route.Display.Length % share;
                foreach (var value in MalformedCorpus.QueryValues.Where((_, i) => i % share == offset))
                {
                    requests++;
                    var query = string.Join('&', keys.SelectMany(k => Pairs(k, value)));
                    await ExpectNoServerErrorAsync(user, HttpMethod.Get, url + "?" + query);
                }

                if (user.Role == PortalRoles.NationalAdmin)
                {
                    foreach (var parameter in route.Parameters)
                    {
                        foreach (var segment in MalformedCorpus.PathSegments)
                        {
                            requests++;
                            await ExpectNoServerErrorAsync(user, HttpMethod.Get, route.Build(new Dictionary<string, string>(values) { [parameter.Name] = segment }, SampleValue));
                        }
                    }
                }
            }
        }

        counts["requêtes GET malformées"] = requests;
    }

    /// <summary>Every form each role is shown, each field replaced in turn by the corpus' values: no 5xx; a refusal stores nothing.</summary>
    private async Task FuzzFormsAsync(List<WalkUser> users, RouteCatalog catalog, WriteCounter writes)
    {
        int submissions = 0, forms = 0;
        foreach (var user in users)
        {
            foreach (var form in user.Crawl.Forms.Where(f => f.Method == "POST" && !SiteCrawler.IsSignOut(f.ActionPath)).DistinctBy(f => catalog.Match("POST", f.ActionPath)?.Route.Display ?? f.ActionPath))
            {
                var fields = form.Fields.Where(f => f.Name != "__RequestVerificationToken").ToList();
                if (fields.Count == 0)
                {
                    fields = [new WalkField("valeur", "")];
                }

                forms++;
                var corpus = MalformedCorpus.Values;
                for (var i = 0; i < Math.Min(FuzzPerForm, fields.Count * corpus.Count); i++)
                {
                    var value = corpus[i % corpus.Count];
                    var field = fields[(i / corpus.Count + i) % fields.Count];
                    var sent = form.Fields.Where(f => f.Name != field.Name).Select(f => (f, (Malformed?)null))
                        .Append((field, value)).ToList();
                    submissions++;
                    var mark = writes.Count;
                    using var response = await SubmitAsync(user, form, sent);
                    var status = (int)response.StatusCode;
                    if (status >= 500 || (status >= 400 && writes.Since(mark).Any()))
                    {
                        failures.Add($"fuzz : {user.Name} {form.Action} champ {field.Name} = {value.Name} → {status}{WritesOf(writes, mark)}");
                    }
                }
            }
        }

        counts["formulaires"] = forms;
        counts["soumissions de formulaires malformées"] = submissions;
    }

    /// <summary>
    /// The roles that hold an action's permission pass its authorization on the forms they are shown. Routes open to
    /// every signed-in user of a role (company space, club membership) decide inside the action from the data, which
    /// the fuzz above may have changed: the scope walk covers them.
    /// </summary>
    private async Task HoldersByRoleAsync(List<WalkUser> users, RouteCatalog catalog, IReadOnlySet<(string Role, string Permission)> grants)
    {
        var accepted = 0;
        foreach (var user in users.Where(u => u.Role is not null).OrderBy(u => u.Role == PortalRoles.NationalAdmin ? 1 : 0))
        {
            foreach (var form in user.Crawl.Forms.Where(f => f.Method == "POST" && !SiteCrawler.IsSignOut(f.ActionPath)).DistinctBy(f => f.ActionPath))
            {
                if (catalog.Match("POST", form.ActionPath) is not { Route: { AllowsAnonymous: false, Permissions.Count: > 0 } route } || !route.IsGrantedTo(user.Role!, grants))
                {
                    continue;
                }

                accepted++;
                using var response = await SubmitAsync(user, form, form.Fields);
                if (response.StatusCode == HttpStatusCode.Forbidden || (int)response.StatusCode >= 500)
                {
                    failures.Add($"rôle × action : {user.Name}, qui a la permission ({string.Join(", ", route.Permissions)}), soumet {form.Action} → {(int)response.StatusCode}");
                }
            }
        }

        counts["actions permises vérifiées"] = accepted;
    }

    private async Task ExpectNoServerErrorAsync(WalkUser user, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await user.Client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"fuzz : {user.Name} {method} {(url.Length > 200 ? url[..200] + "…" : url)} → {(int)response.StatusCode}");
        }
    }

    private static Task<HttpResponseMessage> SubmitAsync(WalkUser user, WalkForm form, IEnumerable<WalkField> fields)
        => SubmitAsync(user, form, fields.Select(f => (f, (Malformed?)null)));

    /// <summary>Posts the form as the user's browser would, with the user's own antiforgery token.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(WalkUser user, WalkForm form, IEnumerable<(WalkField Field, Malformed? Value)> fields)
    {
        var token = user.Crawl.Token ?? "";
        var pairs = fields.Where(f => f.Field.Name != "__RequestVerificationToken").ToList();
        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (field, value) in pairs)
            {
                var text = value is { Raw: true } ? Uri.UnescapeDataString(value.Value) : value?.Value ?? field.Value;
                for (var n = value is { Repeated: true } ? 2 : 1; n > 0; n--)
                {
                    if (field.IsFile)
                    {
                        multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text.Length == 0 ? "pas une image" : text)), field.Name, "fichier.png");
                    }
                    else
                    {
                        multipart.Add(new StringContent(text), field.Name);
                    }
                }
            }

            content = multipart;
        }
        else
        {
            var body = string.Join('&', pairs.SelectMany(p => p.Value is { } v ? Pairs(p.Field.Name, v) : [Encode(p.Field.Name) + "=" + Encode(p.Field.Value)])
                .Append("__RequestVerificationToken=" + Encode(token)));
            content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        return user.Client.PostAsync(form.Action, content);
    }

    private static IEnumerable<string> Pairs(string key, Malformed value)
    {
        var encoded = Encode(key) + "=" + (value.Raw ? value.Value : Encode(value.Value));
        return value.Repeated ? [encoded, Encode(key) + "=2"] : [encoded];
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static string PathOf(string url) => url.Split('?')[0];

    /// <summary>A value a route parameter accepts by its constraint, for routes no crawl reached.</summary>
    private static string SampleValue(Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter)
        => parameter.ParameterPolicies.Any(p => p.Content?.StartsWith("guid", StringComparison.Ordinal) == true) ? Guid.NewGuid().ToString()
            : parameter.ParameterPolicies.Any(p => p.Content?.StartsWith("int", StringComparison.Ordinal) == true || p.Content?.StartsWith("long", StringComparison.Ordinal) == true) ? "1"
            : "exemple";

    private static string WritesOf(WriteCounter writes, int mark)
        => writes.Since(mark).FirstOrDefault() is { } first ? " (écriture : " + first + ")" : "";
}

public sealed class SqliteRouteWalkTests(ITestOutputHelper output) : RouteWalkTests(output)
{
    protected override string Provider => "SQLite";

    [Fact]
    public Task Every_route_and_form_walked_by_every_role_on_sqlite_answers_without_server_error_and_within_scope()
        => WalkAsync([]);
}

public sealed class PostgreSqlRouteWalkTests(ITestOutputHelper output) : RouteWalkTests(output)
{
    protected override string Provider => "PostgreSQL";

    [SkippableFact]
    public async Task Every_route_and_form_walked_by_every_role_on_postgresql_answers_without_server_error_and_within_scope()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("walk");
        await WalkAsync(database.PortalSettings);
    }
}
