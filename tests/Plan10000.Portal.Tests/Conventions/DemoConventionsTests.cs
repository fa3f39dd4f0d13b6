using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Modules.Conventions.Seed;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Conventions;

public sealed class DemoConventionsTests : IDisposable
{
    private readonly PortalFactory factory = new(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true" });

    [Fact]
    public async Task Demo_conventions_of_each_kind_sit_on_the_demo_clubs_and_companies_once()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConventionsDbContext>();
        var conventions = await db.Conventions.Include(c => c.Figures).Include(c => c.Objectives).ToListAsync();

        Assert.Contains(conventions, c => c.Kind == ConventionKind.StateClub && c.Status == ConventionStatus.Signed && c.Figures.Count > 0);
        Assert.Contains(conventions, c => c.Kind == ConventionKind.StateClub && c.Status == ConventionStatus.Draft);
        Assert.Contains(conventions, c => c.Kind == ConventionKind.Paqte && c.Objectives.Count > 0);
        Assert.Contains(conventions, c => c.Kind == ConventionKind.LegacyCharter && c.TransitionConventionId != null);
        Assert.Contains(conventions, c => c.Kind == ConventionKind.LegacyCharter && c.TransitionConventionId == null);
        Assert.Contains(conventions, c => c.EndsOn is { } end && end <= DateTime.UtcNow.Date.AddDays(30) && end >= DateTime.UtcNow.Date);
        Assert.Contains("Dans les 30 jours (1)", System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/conventions/echeances")));
        foreach (var convention in conventions)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync($"/admin/conventions/{convention.Id}")).StatusCode);
        }

        var count = conventions.Count;
        await scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoConventionsSeeder>().Single().SeedAsync(CancellationToken.None);
        Assert.Equal(count, await db.Conventions.CountAsync());
    }

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
