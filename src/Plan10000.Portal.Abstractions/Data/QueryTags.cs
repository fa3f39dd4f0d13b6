namespace Plan10000.Portal.Abstractions.Data;

/// <summary>Tags a module puts on its queries (EF Core <c>TagWith</c>) for the portal's database layer to act on.</summary>
public static class QueryTags
{
    /// <summary>
    /// A read run on every visit of a public page. On PostgreSQL it is prepared once per pooled connection, then run
    /// without being parsed and planned again (ADR 0032). Only for reads of a bounded set of shapes: each distinct SQL
    /// text stays prepared on every connection of the pool.
    /// </summary>
    public const string Prepared = "portal:prepared";
}
