using Plan10000.Modules.Content.Services;

namespace Plan10000.Portal.Tests.Content;

public sealed class LineDiffTests
{
    [Fact]
    public void Unchanged_head_and_tail_stay_same_and_only_the_middle_changes()
    {
        var diff = LineDiff.Compute("titre\nun\ndeux\nfin", "titre\nun\ntrois\nfin");

        Assert.Equal([DiffKind.Same, DiffKind.Same, DiffKind.Removed, DiffKind.Added, DiffKind.Same], diff.Select(d => d.Kind));
        Assert.Equal("trois", diff.Single(d => d.Kind == DiffKind.Added).Text);
    }

    [Fact]
    public void Two_huge_unrelated_bodies_are_compared_without_a_quadratic_table()
    {
        var before = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => "avant " + i));
        var after = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => "après " + i));

        var diff = LineDiff.Compute(before, after);

        Assert.Equal(40_000, diff.Count);
        Assert.Equal(20_000, diff.Count(d => d.Kind == DiffKind.Removed));
    }
}
