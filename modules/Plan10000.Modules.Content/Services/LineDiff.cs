namespace Plan10000.Modules.Content.Services;

internal enum DiffKind
{
    Same,
    Removed,
    Added,
}

internal sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>A line diff (longest common subsequence): enough for Markdown bodies of a few hundred lines.</summary>
internal static class LineDiff
{
    /// <summary>Above this many table cells (about 16 MB) the middle part is shown as removed then added.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compute(string before, string after)
    {
        var all = Split(before);
        var allAfter = Split(after);

        // Unchanged head and tail lines never enter the table, which keeps typical edits cheap.
        var head = 0;
        while (head < all.Length && head < allAfter.Length && all[head] == allAfter[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < all.Length - head && tail < allAfter.Length - head && all[^(tail + 1)] == allAfter[^(tail + 1)])
        {
            tail++;
        }

        var a = all[head..^tail];
        var b = allAfter[head..^tail];
        var prefix = all[..head].Select(l => new DiffLine(DiffKind.Same, l));
        var suffix = all[^tail..].Select(l => new DiffLine(DiffKind.Same, l));
        if ((long)(a.Length + 1) * (b.Length + 1) > MaxCells)
        {
            return [.. prefix, .. a.Select(l => new DiffLine(DiffKind.Removed, l)), .. b.Select(l => new DiffLine(DiffKind.Added, l)), .. suffix];
        }

        return [.. prefix, .. Middle(a, b), .. suffix];
    }

    private static List<DiffLine> Middle(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add(new(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new(DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add(new(DiffKind.Added, b[y++]));
            }
        }

        result.AddRange(a[x..].Select(l => new DiffLine(DiffKind.Removed, l)));
        result.AddRange(b[y..].Select(l => new DiffLine(DiffKind.Added, l)));
        return result;
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
