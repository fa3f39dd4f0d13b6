using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Plan10000.Portal.Tests.Portal.Walk;

/// <summary>
/// Records every INSERT, UPDATE and DELETE any module's DbContext sends, so a walk can prove that a refused
/// submission stored nothing. Added to every DbContext the host registered.
/// </summary>
public sealed partial class WriteCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> writes = new();

    public int Count => writes.Count;

    public IEnumerable<string> Since(int mark) => writes.Skip(mark);

    public void AttachToEveryDbContext(IServiceCollection services)
    {
        var contexts = services.Select(d => d.ServiceType).Where(t => t.IsSubclassOf(typeof(DbContext))).Distinct().ToList();
        var configure = typeof(EntityFrameworkServiceCollectionExtensions).GetMethods()
            .Single(m => m.Name == nameof(EntityFrameworkServiceCollectionExtensions.ConfigureDbContext)
                && m.GetParameters() is [_, { ParameterType: var p }, ..] && p == typeof(Action<DbContextOptionsBuilder>)
                && m.GetParameters().Length == 3);
        foreach (var context in contexts)
        {
            configure.MakeGenericMethod(context).Invoke(null, [services, (Action<DbContextOptionsBuilder>)(o => o.AddInterceptors(this)), ServiceLifetime.Scoped]);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        if (WriteStatement().IsMatch(command.CommandText))
        {
            writes.Enqueue(command.CommandText.Length > 200 ? command.CommandText[..200] : command.CommandText);
        }

        return result;
    }

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|MERGE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex WriteStatement();
}
