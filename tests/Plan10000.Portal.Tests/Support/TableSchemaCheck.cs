using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Plan10000.Portal.Tests.Support;

/// <summary>
/// Checks a CSV file against its Table Schema (frictionless specs) the way a reuser's validator would: the header is
/// the schema's field names in order, every value parses as its field's type (integer, number, date, boolean, string
/// with its pattern, enum and minimum), and required fields are never empty. Returns every problem, not the first.
/// </summary>
public static class TableSchemaCheck
{
    public static IReadOnlyList<string> Problems(string schemaJson, byte[] csvBytes, char delimiter)
    {
        using var schema = JsonDocument.Parse(schemaJson);
        var root = schema.RootElement;
        var missing = root.TryGetProperty("missingValues", out var mv) ? mv.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : [""];
        var fields = root.GetProperty("fields").EnumerateArray().ToList();
        var rows = Parse(Encoding.UTF8.GetString(csvBytes).TrimStart('\uFEFF'), delimiter);
        var problems = new List<string>();
        if (rows.Count == 0)
        {
            return ["Fichier vide : pas même l’en-tête."];
        }

        var names = fields.Select(f => f.GetProperty("name").GetString()!).ToList();
        if (!rows[0].SequenceEqual(names))
        {
            problems.Add($"En-tête [{string.Join(", ", rows[0])}] ≠ champs du schéma [{string.Join(", ", names)}].");
            return problems;
        }

        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count != fields.Count)
            {
                problems.Add($"Ligne {r + 1} : {row.Count} valeurs pour {fields.Count} champs.");
                continue;
            }

            for (var c = 0; c < fields.Count; c++)
            {
                var problem = Check(fields[c], row[c], missing);
                if (problem is not null)
                {
                    problems.Add($"Ligne {r + 1}, « {names[c]} » = « {row[c]} » : {problem}");
                }
            }
        }

        return problems;
    }

    /// <summary>Data rows (header excluded), for tests that also look at the content.</summary>
    public static List<List<string>> Rows(byte[] csvBytes, char delimiter) => [.. Parse(Encoding.UTF8.GetString(csvBytes).TrimStart('\uFEFF'), delimiter).Skip(1)];

    private static string? Check(JsonElement field, string value, HashSet<string> missing)
    {
        var constraints = field.TryGetProperty("constraints", out var c) ? c : default;
        bool Has(string name, out JsonElement v)
        {
            v = default;
            return constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty(name, out v);
        }

        if (missing.Contains(value))
        {
            return Has("required", out var required) && required.GetBoolean() ? "champ obligatoire vide" : null;
        }

        decimal? number = null;
        switch (field.GetProperty("type").GetString())
        {
            case "integer":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return "pas un entier";
                }

                number = integer;
                break;
            case "number":
                if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var dec))
                {
                    return "pas un nombre";
                }

                number = dec;
                break;
            case "date":
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return "pas une date AAAA-MM-JJ";
                }

                break;
            case "datetime":
                // The default format of Table Schema: ISO 8601 in UTC, to the second.
                if (!DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return "pas une date et heure AAAA-MM-JJThh:mm:ssZ";
                }

                break;
            case "boolean":
                var trueValues = field.TryGetProperty("trueValues", out var t) ? t.EnumerateArray().Select(v => v.GetString()).ToList() : ["true", "True", "TRUE", "1"];
                var falseValues = field.TryGetProperty("falseValues", out var f) ? f.EnumerateArray().Select(v => v.GetString()).ToList() : ["false", "False", "FALSE", "0"];
                if (!trueValues.Contains(value) && !falseValues.Contains(value))
                {
                    return "pas un booléen du schéma";
                }

                break;
            case "string":
                if (field.TryGetProperty("format", out var format) && format.GetString() == "uri" && !Uri.TryCreate(value, UriKind.Absolute, out _))
                {
                    return "pas une URI absolue";
                }

                break;
            case var other:
                return $"type {other} inconnu de ce contrôle";
        }

        if (Has("pattern", out var pattern) && !Regex.IsMatch(value, "^(?:" + pattern.GetString() + ")$"))
        {
            return "ne suit pas le motif " + pattern.GetString();
        }

        if (Has("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value))
        {
            return "hors de la liste";
        }

        if (Has("minimum", out var minimum) && number < minimum.GetDecimal())
        {
            return "sous le minimum";
        }

        return null;
    }

    /// <summary>RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks.</summary>
    private static List<List<string>> Parse(string text, char delimiter)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\r' || ch == '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
