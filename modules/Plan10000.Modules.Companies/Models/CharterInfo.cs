namespace Plan10000.Modules.Companies.Models;

/// <summary>The charter version a signature refers to, as plain values (the Content module owns the text).</summary>
internal sealed record CharterInfo(string Id, int Version, string Title, string Html);
