using System.Text.Encodings.Web;
using System.Text.Json;

namespace Plan10000.Portal.Abstractions.OpenData;

/// <summary>
/// The JSON of every public answer and open-data file: web defaults (camelCase unless a property names itself) and
/// accented letters written as they are, since reusers read the files as text.
/// </summary>
public static class OpenDataJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
