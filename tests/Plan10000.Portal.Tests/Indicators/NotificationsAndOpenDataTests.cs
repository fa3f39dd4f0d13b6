using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

public sealed class NotificationsAndOpenDataTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly decimal[] SmallValues = [4m, 5m, 6m];

    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Reminders_go_7_days_and_1_day_before_then_overdue_to_companies_that_have_not_submitted_with_stable_keys()
    {
        var late = await AddCompanyAsync(Factory, "Boulangerie Tardive", "19100");
        var early = await AddCompanyAsync(Factory, "Boulangerie Matinale", "19100");
        var lateEmail = NewEmail("tardive");
        var earlyEmail = NewEmail("matinale");
        await Factory.CreateUserClientAsync(lateEmail, PortalRoles.Company, (ScopeClaims.Company, late.ToString()));
        await Factory.CreateUserClientAsync(earlyEmail, PortalRoles.Company, (ScopeClaims.Company, early.ToString()));
        var now = DateTimeOffset.UtcNow;
        var week = await AddCampaignAsync(Factory, "2025-T1", now.UtcDateTime.AddDays(-10), now.UtcDateTime.AddDays(5));
        var day = await AddCampaignAsync(Factory, "2025-T2", now.UtcDateTime.AddDays(-10), now.UtcDateTime.AddHours(12));
        var overdue = await AddCampaignAsync(Factory, "2025-T3", now.UtcDateTime.AddDays(-40), now.UtcDateTime.AddDays(-2));
        var future = await AddCampaignAsync(Factory, "2025-T4", now.UtcDateTime.AddDays(-1), now.UtcDateTime.AddDays(20));
        foreach (var campaign in new[] { week, day, overdue, future })
        {
            await ReportAsync(Factory, campaign, SubjectKind.Company, early, "19", new Dictionary<Guid, decimal>(), SubmissionStatus.Submitted);
        }

        var first = await WithAsync(Factory, sp => sp.GetServices<IReminderSource>().OfType<CampaignReminderSource>().Single().GetDueAsync(now, CancellationToken.None));
        var second = await WithAsync(Factory, sp => sp.GetServices<IReminderSource>().OfType<CampaignReminderSource>().Single().GetDueAsync(now, CancellationToken.None));

        Assert.Equal(first.Select(r => r.Key).Order(), second.Select(r => r.Key).Order());
        Assert.All(first, r => Assert.Equal(lateEmail, r.To));
        Assert.Equal(
            [$"indicateurs-campagne:{week.Id:N}:j-7:{late:N}:{lateEmail}", $"indicateurs-campagne:{day.Id:N}:j-1:{late:N}:{lateEmail}", $"indicateurs-campagne:{overdue.Id:N}:retard:{late:N}:{lateEmail}"],
            first.Select(r => r.Key).Order().ToList() is var keys ? new[] { week, day, overdue }.Select(c => keys.Single(k => k.Contains(c.Id.ToString("N"), StringComparison.Ordinal))).ToList() : []);
        Assert.Contains(first, r => r.Subject.StartsWith("Remontée en retard", StringComparison.Ordinal) && r.ActionUrl == "http://localhost/mon-entreprise/indicateurs/" + overdue.Id);
    }

    [Fact]
    public async Task The_digest_tells_animators_which_members_have_not_submitted()
    {
        var late = await AddCompanyAsync(Factory, "Scierie Lente", "23000");
        var done = await AddCompanyAsync(Factory, "Scierie Rapide", "23000");
        var club = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "23", "Club de la Creuse");
        await Clubs.ClubsTestSupport.AddMemberAsync(Factory, club.Id, late);
        await Clubs.ClubsTestSupport.AddMemberAsync(Factory, club.Id, done);
        await WithAsync(Factory, async sp =>
        {
            var db = sp.GetRequiredService<ClubsDbContext>();
            db.Animators.Add(new ClubAnimator { ClubId = club.Id, UserId = "animateur-creuse", Email = "animateur@creuse.test" });
            return await db.SaveChangesAsync();
        });
        var campaign = await AddCampaignAsync(Factory, "2024-T4");
        await ReportAsync(Factory, campaign, SubjectKind.Company, done, "23", new Dictionary<Guid, decimal>(), SubmissionStatus.Submitted);

        var section = await WithAsync(Factory, sp => sp.GetServices<IDigestContributor>().OfType<LateMembersDigest>().Single().BuildSectionAsync("animateur-creuse", DateTimeOffset.UtcNow.AddDays(-7), CancellationToken.None));
        var nobody = await WithAsync(Factory, sp => sp.GetServices<IDigestContributor>().OfType<LateMembersDigest>().Single().BuildSectionAsync("pas-animateur", DateTimeOffset.UtcNow.AddDays(-7), CancellationToken.None));

        Assert.NotNull(section);
        Assert.Equal(DigestCategories.Clubs, new LateMembersDigest(null!, null!, null!, null!, TimeProvider.System).Category);
        var line = section.Text.Split('\n').Single(l => l.Contains(campaign.Name, StringComparison.Ordinal));
        Assert.Contains("Scierie Lente", line);
        Assert.DoesNotContain("Scierie Rapide", line);
        Assert.Contains("Scierie Lente", section.Html);
        Assert.Null(nobody);
    }

    [Fact]
    public async Task Open_data_publishes_validated_consolidated_figures_with_a_table_schema_and_withholds_small_counts()
    {
        var definition = (await DefinitionsAsync(Factory))["EMPLOIS_FRANCS"];
        var campaign = await AddCampaignAsync(Factory, "2023-T2");
        foreach (var (value, i) in SmallValues.Select((v, i) => (v, i)))
        {
            var id = await AddCompanyAsync(Factory, "Transports Ouverts " + i, "87100", 8);
            await ReportAsync(Factory, campaign, SubjectKind.Company, id, "87", new Dictionary<Guid, decimal> { [definition.Id] = value }, SubmissionStatus.Validated);
        }

        var alone = await AddCompanyAsync(Factory, "Transports Seuls", "24000", 8);
        await ReportAsync(Factory, campaign, SubjectKind.Company, alone, "24", new Dictionary<Guid, decimal> { [definition.Id] = 9 }, SubmissionStatus.Validated);
        var pending = await AddCompanyAsync(Factory, "Transports Pressés", "87100", 8);
        await ReportAsync(Factory, campaign, SubjectKind.Company, pending, "87", new Dictionary<Guid, decimal> { [definition.Id] = 1000 }, SubmissionStatus.Reviewed);
        var client = Factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicateurs/valeurs?indicateur=emplois_francs&periode=2023"));
        var rows = json.RootElement.GetProperty("valeurs").EnumerateArray().ToList();
        var limousin = rows.Single(r => r.GetProperty("departement").GetString() == "87");
        Assert.Equal(15m, limousin.GetProperty("valeur").GetDecimal());
        Assert.Equal(3, limousin.GetProperty("contributeurs").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("departement").GetString() == "24").GetProperty("valeur").ValueKind);

        using var paged = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicateurs/valeurs?periode=2023-T2&taillePage=1&page=2"));
        Assert.Equal(2, paged.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2, paged.RootElement.GetProperty("page").GetInt32());
        Assert.Single(paged.RootElement.GetProperty("valeurs").EnumerateArray());

        using var schema = JsonDocument.Parse(await client.GetStringAsync("/donnees/indicateurs.schema.json"));
        var fields = schema.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/donnees/indicateurs.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", fields), csv[0]);
        Assert.True(csv.Any(l => l.StartsWith("87,", StringComparison.Ordinal) && l.Contains(",EMPLOIS_FRANCS,", StringComparison.Ordinal) && l.Contains(",2023-T2,15,3,", StringComparison.Ordinal)), string.Join("\n", csv));
        Assert.Contains(csv, l => l.StartsWith("87,", StringComparison.Ordinal) && l.Contains(",EMPLOIS_FRANCS,", StringComparison.Ordinal) && l.Contains(",2023-T2,15,3,", StringComparison.Ordinal));
        using var file = JsonDocument.Parse(await client.GetStringAsync("/donnees/indicateurs.json"));
        Assert.Equal(fields, file.RootElement[0].EnumerateObject().Select(p => p.Name).ToList());
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/indicateurs/v1.json"));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/indicateurs/valeurs", out _));
        using var definitions = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicateurs"));
        Assert.Contains(definitions.RootElement.EnumerateArray(), d => d.GetProperty("code").GetString() == "ALTERNANCE_RECRUTES" && d.GetProperty("intention").GetString() == "ALTERNANCE_INTENTIONS");

        var page = await client.GetStringAsync("/tableau-de-bord/indicateurs?periode=2023-T2");
        Assert.Contains("secret statistique", page);
        Assert.DoesNotContain("Transports", page);
        Assert.Contains("EMPLOIS_FRANCS", page);
        Assert.Contains("/tableau-de-bord/indicateurs", await client.GetStringAsync("/"));
        Assert.Contains("href=\"/tableau-de-bord/indicateurs\"", await client.GetStringAsync("/tableau-de-bord"));
    }
}
