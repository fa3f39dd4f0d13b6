using System.Reflection;

namespace Plan10000.Portal.Abstractions.OpenData;

/// <summary>One downloadable file of a dataset; <paramref name="SizeBytes"/> is the size of the bytes its URL serves.</summary>
public sealed record OpenDataFile(string Title, string Url, string Format, string MediaType, long SizeBytes);

/// <summary>
/// A dataset of the open-data catalogue (<c>/donnees</c>), described the way data.gouv.fr's catalogue reads one:
/// title, description, licence, last update, Table Schema and its files with their format and size.
/// </summary>
public sealed record OpenDataset(
    string Id, string Title, string Description, DateTimeOffset? LastModified, string SchemaUrl, IReadOnlyList<OpenDataFile> Files, int Order = 100)
{
    /// <summary>Every open-data file of the portal is published under the Licence Ouverte / Open Licence 2.0.</summary>
    public const string LicenceId = "etalab-2.0";
    public const string LicenceTitle = "Licence Ouverte / Open Licence 2.0";
    public const string LicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
}

/// <summary>
/// Lets a module list its open-data files on <c>/donnees</c>; a module switched off takes its datasets with it.
/// Files are produced through the same code as the download, so the size shown is the size served.
/// </summary>
public interface IOpenDataCatalogContributor
{
    Task<IReadOnlyList<OpenDataset>> GetDatasetsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The Table Schemas (frictionless specs) of the open-data files are hand-written JSON documents embedded in the
/// module that serves the file, next to it: the document is what reusers read, so it is reviewed as a document.
/// The tests check every file against its schema, so a column added to a file without its schema fails the build.
/// </summary>
public static class TableSchemaDocument
{
    /// <summary>Served as JSON so a browser shows it; a Table Schema has no registered media type of its own.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The embedded schema named <paramref name="resourceName"/> in <paramref name="assembly"/>; throws when missing (a build mistake).</summary>
    public static Stream Open(Assembly assembly, string resourceName)
        => assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Schéma absent du module {assembly.GetName().Name} : {resourceName}");
}
