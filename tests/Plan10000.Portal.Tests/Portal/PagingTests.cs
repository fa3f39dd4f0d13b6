using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Portal.Tests.Portal;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 20, 1)]
    [InlineData(-5, 20, 1)]
    [InlineData(1, 20, 1)]
    [InlineData(20, 20, 1)]
    [InlineData(21, 20, 2)]
    [InlineData(40, 20, 2)]
    [InlineData(41, 20, 3)]
    [InlineData(7, 1, 7)]
    [InlineData(int.MaxValue, 1, int.MaxValue)]
    [InlineData(int.MaxValue, 100, (int.MaxValue / 100) + 1)]
    public void The_page_count_is_at_least_one_and_rounds_up(int total, int size, int pages)
        => Assert.Equal(pages, Paging.CountPages(total, size));

    [Fact]
    public void An_empty_list_has_one_empty_page_whatever_the_page_asked()
    {
        foreach (var asked in new[] { 1, 0, -3, 2, int.MaxValue, int.MinValue })
        {
            var paging = Paging.Of(0, 20, asked);
            Assert.Equal((1, 1, 0, 20), (paging.Page, paging.PageCount, paging.Skip, paging.Size));
        }
    }

    [Fact]
    public void An_exact_multiple_ends_on_a_full_page()
    {
        var last = Paging.Of(60, 20, 3);

        Assert.Equal((3, 3, 40), (last.Page, last.PageCount, last.Skip));
    }

    [Fact]
    public void A_page_past_the_end_is_the_last_page_and_skip_never_overflows()
    {
        var beyond = Paging.Of(45, 20, 4);
        var huge = Paging.Of(1_000_000, 500, int.MaxValue);

        Assert.Equal((3, 3, 40), (beyond.Page, beyond.PageCount, beyond.Skip));
        Assert.Equal((2000, 999_500), (huge.Page, huge.Skip));
    }

    [Fact]
    public void A_zero_or_negative_page_is_the_first()
    {
        Assert.Equal((1, 0), (Paging.Of(45, 20, 0).Page, Paging.Of(45, 20, 0).Skip));
        Assert.Equal((1, 0), (Paging.Of(45, 20, -7).Page, Paging.Of(45, 20, int.MinValue).Skip));
    }

    [Fact]
    public void A_page_size_below_one_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Paging.Of(10, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Paging.CountPages(10, -1));
    }

    [Fact]
    public void Links_and_log_pages_use_the_same_count()
    {
        var links = Paging.Of(51, 25, 2).Links("/liste?page={0}");

        Assert.Equal((2, 3, "/liste?page=3"), (links.Page, links.PageCount, links.UrlFor(3)));
        Assert.Equal(3, new AuditPage([], 101, 1, 50).PageCount);
        Assert.Equal(1, new AuditPage([], 0, 1, 50).PageCount);
    }
}
