using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Jobs;

public sealed class RetentionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Audit_entries_older_than_the_limit_are_purged_and_newer_ones_kept()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await audit.RecordForAsync(null, "ancien@test.fr", AuditActions.SignInFailed);
        var limit = DateTimeOffset.UtcNow.AddSeconds(1);
        await Task.Delay(1100);
        await audit.RecordForAsync(null, "recent@test.fr", AuditActions.SignInFailed);

        var purged = await audit.PurgeOlderThanAsync(limit);
        var left = await audit.SearchAsync(new AuditQuery(AuditActions.SignInFailed));

        Assert.True(purged >= 1);
        Assert.Contains(left.Entries, e => e.UserName == "recent@test.fr");
        Assert.DoesNotContain(left.Entries, e => e.UserName == "ancien@test.fr");
    }
}
