using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.OpenData;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Companies.Services;

/// <summary>
/// The module's datasets on <c>/donnees</c>. Every file is produced by the same code as its download, so the sizes are
/// those of the bytes served: the showcase files in one pass, the 101 press-kit tables in one read (ADR 0024).
/// </summary>
internal sealed class CompaniesOpenDataCatalog(ShowcaseQuery showcase, PressKit press, ITableExporter exporter, IReferentialsQuery referentials) : IOpenDataCatalogContributor
{
    public async Task<IReadOnlyList<OpenDataset>> GetDatasetsAsync(CancellationToken cancellationToken)
    {
        var lastChange = await showcase.LastChangeAsync(cancellationToken);
        var companies = new List<OpenCompany>();
        var sirets = new List<OpenSiret>();
        await foreach (var company in showcase.AllListedAsync(cancellationToken))
        {
            companies.Add(OpenData.From(company));
            sirets.Add(SiretFeed.From(company));
        }

        await using var json = new ByteCounter();
        await OpenData.WriteJsonAsync(companies.ToAsyncEnumerable(), json, cancellationToken);
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var kits = await press.AllCompaniesTablesAsync(departements.Select(d => d.Code), cancellationToken);
        return
        [
            new OpenDataset(
                "entreprises-engagees",
                "Entreprises engagées",
                "Les entreprises engagées dans le programme, validées par le référent de leur département, avec les seuls éléments dont chacune a accepté la publication (adresse, site internet, thématiques et publics de ses engagements).",
                lastChange,
                "/donnees/entreprises-engagees.schema.json",
                [
                    new("Entreprises engagées (CSV)", "/donnees/entreprises-engagees.csv", "CSV", "text/csv", exporter.ToCsv(OpenData.CsvTable(companies), openData: true).LongLength),
                    new("Entreprises engagées (JSON)", "/donnees/entreprises-engagees.json", "JSON", "application/json", json.Length),
                ],
                Order: 10),
            new OpenDataset(
                "siret-entreprises-engagees",
                "SIRET des établissements engagés",
                "Pour les autres services publics : le SIRET et le SIREN de chaque établissement dont l’entreprise est engagée et listée dans la vitrine, avec son département, son code NAF, sa date d’engagement et sa date de dernière modification. Le même contenu page par page, avec un filtre par date de modification : /api/v1/siret.",
                lastChange,
                "/donnees/siret-entreprises-engagees.schema.json",
                [new("SIRET des établissements engagés (CSV)", "/donnees/siret-entreprises-engagees.csv", "CSV", "text/csv", exporter.ToCsv(SiretFeed.CsvTable(sirets), openData: true).LongLength)],
                Order: 15),
            new OpenDataset(
                "dossiers-de-presse",
                "Dossiers de presse départementaux : entreprises engagées",
                "Pour chaque département, le tableau des entreprises engagées de son dossier de presse (taille, secteur, commune, engagements publiés, résultats déclarés, membre du club), au format tableur (séparateur « ; »).",
                lastChange,
                "/presse/entreprises.schema.json",
                [.. departements.Select(d => new OpenDataFile($"{d.Nom} ({d.Code})", $"/presse/{d.Code}/entreprises.csv", "CSV", "text/csv", exporter.ToCsv(kits[d.Code]).LongLength))],
                Order: 20),
        ];
    }

    /// <summary>Counts what the JSON writer writes, so its size is known without holding the file.</summary>
    private sealed class ByteCounter : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
