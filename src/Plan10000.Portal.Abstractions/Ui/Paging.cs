namespace Plan10000.Portal.Abstractions.Ui;

/// <summary>
/// One page of a list, 1-based. An empty list still has one (empty) page, and a page asked before the first or past
/// the last is the nearest real one: a stale link or a forged <c>?page=</c> shows a page instead of nothing, and
/// <see cref="Skip"/> never overflows.
/// </summary>
public readonly record struct Paging
{
    private Paging(int page, int pageCount, int size)
    {
        Page = page;
        PageCount = pageCount;
        Size = size;
    }

    public int Page { get; }

    public int PageCount { get; }

    public int Size { get; }

    /// <summary>The rows before this page: <c>Skip(paging.Skip).Take(paging.Size)</c>.</summary>
    public int Skip => (Page - 1) * Size;

    /// <param name="total">How many rows the whole list has (a negative count is taken as none).</param>
    /// <param name="size">Rows per page, at least 1.</param>
    /// <param name="page">The page asked for, as typed: clamped to 1..<see cref="PageCount"/>.</param>
    public static Paging Of(int total, int size, int page)
    {
        var count = CountPages(total, size);
        return new(Math.Clamp(page, 1, count), count, size);
    }

    /// <summary>At least one page; written without <c>total + size - 1</c>, which overflows near <see cref="int.MaxValue"/>.</summary>
    public static int CountPages(int total, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return total <= 0 ? 1 : (total / size) + (total % size == 0 ? 0 : 1);
    }

    /// <summary>The links under the list; <paramref name="urlFormat"/> has <c>{0}</c> where the page number goes.</summary>
    public PaginationModel Links(string urlFormat) => new(Page, PageCount, urlFormat);
}
