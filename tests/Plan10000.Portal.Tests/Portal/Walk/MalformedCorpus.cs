namespace Plan10000.Portal.Tests.Portal.Walk;

/// <summary>One malformed value: <see cref="Raw"/> values are sent as already percent-encoded bytes (invalid UTF-8).</summary>
public sealed record Malformed(string Name, string Value, bool Raw = false, bool Repeated = false);

/// <summary>
/// The shared corpus of bad input the route walks submit: what a careless administrator pastes, what a hostile
/// visitor tries. Every form field and query key meets each value; « Repeated » sends the key twice (an array
/// where a scalar is expected).
/// </summary>
public static class MalformedCorpus
{
    public static IReadOnlyList<Malformed> Values { get; } =
    [
        new("nul", "abc\0def"),
        new("c0", "a\u0001b\u001bc\u007f"),
        new("100k", new string('é', 100_000)),
        new("rtl", "\u202Eévil\u202C שלום مرحبا \u200F"),
        new("astral", "😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0001F1EB\U0001F1F7 \U000E0041"),
        new("utf8-invalide", "%FF%FE%C0%AF%ED%A0%80", Raw: true),
        new("tableau", "1", Repeated: true),
        new("date-impossible", "2025-02-30"),
        new("date-absurde", "31/13/-0001T25:61"),
        new("enorme", "99999999999999999999999999999999"),
        new("negatif", "-2147483649"),
        new("page-negative", "-5"),
        new("page-immense", "2147483647"),
        new("flottant", "1e308"),
        new("vide", ""),
        new("blancs", "   \t  "),
        new("sql", "' OR '1'='1'; DROP TABLE \"Companies\"; --"),
        new("balises", "\"><script>alert(1)</script><img src=x onerror=alert(1)>"),
        new("gabarit", "{{7*7}} ${7*7} @(7*7)"),
        new("chemin", "../../../../etc/passwd"),
        new("guid-vide", Guid.Empty.ToString()),
    ];

    /// <summary>
    /// The corpus for query strings: Kestrel refuses a request line over 8 KB (414) before the portal runs, so the
    /// long value is as long as a URL can carry (1,000 « é », 6 KB encoded) instead of 100,000 characters.
    /// </summary>
    public static IReadOnlyList<Malformed> QueryValues { get; } =
        [.. Values.Select(v => v.Name == "100k" ? v with { Name = "6ko", Value = new string('é', 1_000) } : v)];

    /// <summary>
    /// Values that fit in a path segment without changing the route's shape. An encoded NUL is left out: the test
    /// server's client refuses it before the portal sees it (Kestrel answers 400 on its own), so the query carries it.
    /// </summary>
    public static IReadOnlyList<string> PathSegments { get; } =
    [
        "0", "-1", "99999999999999999999", Guid.Empty.ToString(), "%FF%FE", "%E2%80%AE", "%F0%9F%98%80", "%27%20OR%201%3D1%20--",
        "%3Cscript%3E", new string('a', 4_000), "..%2F..%2Fetc",
    ];
}
