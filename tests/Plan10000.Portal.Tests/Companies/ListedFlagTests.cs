using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// Company.IsListed, which every public list reads instead of the consents (ADR 0033), follows each way a company is
/// approved, withdrawn or changes its name consent, whether or not the save loaded the other side.
/// </summary>
public sealed class ListedFlagTests : IDisposable
{
    // The saves below go straight to the database, without the events that evict cached pages.
    private readonly PortalFactory factory = new(settings: new Dictionary<string, string?> { ["Portal:OutputCache:Enabled"] = "false" });

    [Fact]
    public async Task The_listed_flag_follows_approval_name_consent_and_withdrawal_saved_from_either_side()
    {
        var pending = await AddCompanyAsync(factory, "Menuiserie Drapeau", "44000", CompanyStatus.Pending);
        var hidden = await AddCompanyAsync(factory, "Verrerie Discrète", "44000", CompanyStatus.Approved, consents: [PublicationItems.Commitments]);
        var shown = await AddCompanyAsync(factory, "Fonderie Visible", "44000", CompanyStatus.Approved);
        Assert.Equal((false, false, true), (await ListedAsync(pending.Id), await ListedAsync(hidden.Id), await ListedAsync(shown.Id)));
        Assert.DoesNotContain("Menuiserie Drapeau", await ShowcaseAsync());

        // Approved with its consents left unloaded: the database answers for the name consent.
        await WithDbAsync(factory, async db =>
        {
            (await db.Companies.SingleAsync(c => c.Id == pending.Id)).Status = CompanyStatus.Approved;
            return await db.SaveChangesAsync();
        });
        Assert.True(await ListedAsync(pending.Id));
        Assert.Contains("Menuiserie Drapeau", await ShowcaseAsync());

        // The name consent withdrawn alone, its company not loaded; then granted again.
        await SetNameConsentAsync(factory, pending.Id, granted: false);
        Assert.False(await ListedAsync(pending.Id));
        Assert.DoesNotContain("Menuiserie Drapeau", await ShowcaseAsync());
        await SetNameConsentAsync(factory, pending.Id, granted: true);
        Assert.True(await ListedAsync(pending.Id));

        // A company that had refused to show its name agrees to it.
        await SetNameConsentAsync(factory, hidden.Id, granted: true);
        Assert.True(await ListedAsync(hidden.Id));

        // Withdrawn: unlisted whatever its consents say.
        await WithDbAsync(factory, async db =>
        {
            (await db.Companies.SingleAsync(c => c.Id == shown.Id)).Status = CompanyStatus.Withdrawn;
            return await db.SaveChangesAsync();
        });
        Assert.False(await ListedAsync(shown.Id));
        Assert.DoesNotContain("Fonderie Visible", await ShowcaseAsync());
    }

    private Task<bool> ListedAsync(Guid id)
        => WithDbAsync(factory, db => db.Companies.AsNoTracking().Where(c => c.Id == id).Select(c => c.IsListed).SingleAsync());

    private Task<string> ShowcaseAsync() => factory.CreateClient().GetStringAsync("/entreprises-engagees?departement=44");

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
