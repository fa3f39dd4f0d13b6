using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Plan10000.Portal.Infrastructure.Data;

/// <summary>
/// Settings of each SQLite connection (they are per connection, not stored in the file). Public pages read pages of
/// the file scattered over a 100 MB database at 10,000 companies: memory-mapped reads skip a system call and a copy per
/// page, and with the write-ahead log a commit need not wait for the disk twice (synchronous=NORMAL is the setting
/// SQLite recommends with WAL: a power cut may lose the last commits, never corrupt the file). ADR 0031.
/// </summary>
internal sealed class SqliteReadTuning : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA mmap_size=268435456; PRAGMA cache_size=-8000; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
