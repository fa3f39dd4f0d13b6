using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Plan10000.Portal.Abstractions.Data;

namespace Plan10000.Portal.Infrastructure.Data;

/// <summary>
/// Prepares the reads tagged <see cref="QueryTags.Prepared"/> (ADR 0032). Npgsql keeps a prepared statement on its physical
/// connection and finds it again by its SQL text, so only the first run on a connection pays the round trip: the later
/// ones skip PostgreSQL's parsing and planning, which cost as much CPU as running a showcase page's queries.
/// Not inside a transaction, and not Npgsql's automatic preparation: with it, a statement refused inside a batch left
/// the pooled connection out of step with the server (« unexpected backend message »).
/// </summary>
internal sealed class PostgreSqlPreparedReads : DbCommandInterceptor
{
    private const string Marker = "-- " + QueryTags.Prepared;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsPreparedRead(command))
        {
            command.Prepare();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsPreparedRead(command))
        {
            await command.PrepareAsync(cancellationToken);
        }

        return result;
    }

    private static bool IsPreparedRead(DbCommand command)
        => command.Transaction is null && command.CommandText.StartsWith(Marker, StringComparison.Ordinal);
}
