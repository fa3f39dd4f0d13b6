using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Data;
using Plan10000.Portal.Abstractions.Extensibility;

namespace Plan10000.Modules.Content.Services;

/// <summary>
/// « media-migrer »: copies every file of the library from the data directory into the database store, for an
/// instance moving to several instances. A file already in the database is left alone, so it can run again; the
/// files on disk are kept (remove them once the instances serve from the database). Exit code 1 when a file of the
/// library is on neither side.
/// </summary>
internal sealed class MediaMigrationCommand(ContentDbContext db, FileSystemMediaBlobs files, DatabaseMediaBlobs database) : IHostCommand
{
    public string Name => "media-migrer";

    public string Usage => "media-migrer : copie les fichiers de la médiathèque du répertoire de données vers la base de données (relançable)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var names = await db.Media.AsNoTracking().OrderBy(m => m.Id).Select(m => m.StoredName).ToListAsync(cancellationToken);
        int copied = 0, present = 0;
        var missing = new List<string>();
        foreach (var name in names)
        {
            if (await database.ExistsAsync(name, cancellationToken))
            {
                present++;
                continue;
            }

            await using var content = await files.OpenReadAsync(name, cancellationToken);
            if (content is null)
            {
                missing.Add(name);
                continue;
            }

            await database.WriteAsync(name, content, cancellationToken);
            copied++;
        }

        foreach (var name in missing)
        {
            await output.WriteLineAsync($"Absent du disque et de la base : {name}");
        }

        await output.WriteLineAsync($"Médiathèque : {copied} fichier(s) copié(s) en base, {present} déjà présent(s), {missing.Count} introuvable(s).");
        return missing.Count == 0 ? 0 : 1;
    }
}
