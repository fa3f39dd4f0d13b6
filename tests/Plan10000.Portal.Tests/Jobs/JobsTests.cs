using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using Plan10000.Portal.Web.Jobs;

namespace Plan10000.Portal.Tests.Jobs;

public sealed class JobsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_jobs_dashboard_answers_login_then_403_then_200()
    {
        var anonymous = await fixture.Factory.CreateBrowserLikeClient().GetAsync("/admin/jobs");
        var editor = await (await fixture.Factory.CreateUserClientAsync("redactrice@test.gouv.fr", PortalRoles.Editor)).GetAsync("/admin/jobs");
        var admin = await (await fixture.Factory.CreateAdminClientAsync()).GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/compte/connexion", anonymous.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Hangfire", await admin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_heartbeat_job_runs_on_the_job_server_and_shows_in_the_back_office()
    {
        var client = await fixture.Factory.CreateAdminClientAsync();

        fixture.Factory.Services.GetRequiredService<IBackgroundJobs>().Enqueue<HeartbeatJob>(j => j.RunAsync());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string page;
        do
        {
            await Task.Delay(500);
            page = await client.GetStringAsync("/admin");
        }
        while (!page.Contains("En fonctionnement", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("En fonctionnement", page);
        Assert.Contains("Dernier battement le", page);
        Assert.DoesNotContain("Tâches planifiées", await fixture.Factory.CreateClient().GetStringAsync("/"));
    }
}
