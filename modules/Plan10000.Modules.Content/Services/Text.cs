using System.Globalization;
using System.Text;

namespace Plan10000.Modules.Content.Services;

internal static class Text
{
    /// <summary>Lower case without diacritics: « Égalité » and « egalite » meet in the search column.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", '’' => "'", _ => char.ToLowerInvariant(c).ToString() });
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>An URL segment from a title: « Égalité des chances ! » → « egalite-des-chances ».</summary>
    public static string Slugify(string? value)
    {
        var builder = new StringBuilder();
        foreach (var c in Normalize(value))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 100 ? slug[..100].Trim('-') : slug;
    }

    public static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)].TrimEnd() + "…";
}
