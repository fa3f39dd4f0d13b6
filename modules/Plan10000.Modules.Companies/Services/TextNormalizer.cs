using System.Globalization;
using System.Text;

namespace Plan10000.Modules.Companies.Services;

/// <summary>Folds text for search and slugs: no accents, lower case, one space or hyphen between words.</summary>
internal static class TextNormalizer
{
    public static string Fold(string? text, char separator = ' ')
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                _ => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : null,
            };
            if (folded is null)
            {
                pendingSeparator = builder.Length > 0;
                continue;
            }

            if (pendingSeparator)
            {
                builder.Append(separator);
                pendingSeparator = false;
            }

            builder.Append(folded);
        }

        return builder.ToString();
    }

    public static string Slug(string? text)
    {
        var slug = Fold(text, '-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }
}
