namespace Plan10000.Portal.Abstractions.Extensibility;

public sealed record SitemapEntry(string Title, string Url, string Section, DateTimeOffset? LastModified = null);

/// <summary>Lets a module add its pages to <c>/plan-du-site</c> and <c>/sitemap.xml</c>.</summary>
public interface ISitemapContributor
{
    Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(CancellationToken cancellationToken);
}

public sealed record SearchResult(string Title, string Url, string Kind, string? Excerpt);

/// <summary>Lets a module answer the portal-wide search field.</summary>
public interface ISearchResultProvider
{
    Task<IReadOnlyList<SearchResult>> SearchAsync(string query, int max, CancellationToken cancellationToken);
}

/// <summary>
/// A figure for the back-office dashboard; <paramref name="Public"/> ones also show on the public home page.
/// <paramref name="Permission"/>: the one its <paramref name="Url"/> asks for; the back office shows the tile only to
/// the readers holding it, so no tile leads to a 403.
/// </summary>
public sealed record DashboardWidget(string Title, string Value, string? Detail = null, string? Url = null, int Order = 100, bool Public = false, string? Permission = null);

/// <summary>Lets a module put a figure on the back-office and public dashboards.</summary>
public interface IDashboardWidgetProvider
{
    Task<IReadOnlyList<DashboardWidget>> GetWidgetsAsync(CancellationToken cancellationToken);
}

public sealed record DigestSection(string Title, string Html, string Text);

/// <summary>Lets a module add a section to the digest mails (Notifications module); null when it has nothing to say.</summary>
public interface IDigestContributor
{
    /// <summary>One of <see cref="DigestCategories"/>: the user's preference for it decides daily, weekly or never.</summary>
    string Category { get; }

    Task<DigestSection?> BuildSectionAsync(string recipientUserId, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>A block another module adds to a company's own space (« Mon entreprise »), e.g. the club of its département.</summary>
public sealed record CompanySpaceSection(string Title, string Text, string? LinkTitle = null, string? LinkUrl = null, int Order = 100);

public interface ICompanySpaceContributor
{
    Task<IReadOnlyList<CompanySpaceSection>> GetSectionsAsync(Guid companyId, string departementCode, CancellationToken cancellationToken);
}

/// <summary>
/// A verb of the host (<c>Plan10000.Portal.Web verb args…</c>) that a module offers to operators, e.g. a consistency
/// check run after a deployment. The host runs it once started and initialized, then exits with its code.
/// </summary>
public interface IHostCommand
{
    string Name { get; }

    /// <summary>One line, in French, shown by the host when the verb is unknown or misused.</summary>
    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
