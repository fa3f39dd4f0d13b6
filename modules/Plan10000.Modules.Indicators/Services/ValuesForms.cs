using Microsoft.AspNetCore.Http;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Companies;

namespace Plan10000.Modules.Indicators.Services;

/// <summary>Builds and reads the values forms (company, club, review, département): one input « v_{id} » per indicator.</summary>
internal static class ValuesForms
{
    public static string FieldName(Guid definitionId) => "v_" + definitionId.ToString("N");

    public static IReadOnlyList<ValueLine> Lines(
        IReadOnlyList<IndicatorDefinition> definitions,
        string campaignPeriod,
        IReadOnlyList<IndicatorValue> current,
        IReadOnlyDictionary<int, string> themes,
        IReadOnlyList<CommitmentInfo>? commitments,
        IFormCollection? posted,
        IReadOnlyDictionary<Guid, string>? errors)
        => [.. definitions.Select(d =>
        {
            var period = Periods.For(campaignPeriod, d.Periodicity);
            var mine = current.Where(v => v.DefinitionId == d.Id && v.Period == period).ToList();
            var pending = mine.FirstOrDefault(v => v.ValidatedAtUtc is null);
            var validated = mine.FirstOrDefault(v => v.ValidatedAtUtc is not null);
            var input = posted is not null ? (string?)posted[FieldName(d.Id)] : (pending ?? validated) is { } shown ? Formats.Input(shown.Value) : null;
            var commitment = commitments?.FirstOrDefault(c => c.ThemeNumero == d.ThemeNumero);
            // The realised / intended ratio of this subject, for a result linked to an intention of the same period.
            var shownValue = (pending ?? validated)?.Value;
            var intended = d.IntentionId is { } intention
                ? current.Where(v => v.DefinitionId == intention && v.Period == period).OrderBy(v => v.ValidatedAtUtc is null ? 0 : 1).Select(v => (decimal?)v.Value).FirstOrDefault()
                : null;
            return new ValueLine(
                d.Id, d.Code, d.Label, themes.GetValueOrDefault(d.ThemeNumero, ""), Labels.Of(d.Kind), d.Unit, period, input,
                validated is null ? null : Formats.Number(validated.Value),
                commitment is null ? null : $"Engagement n° {commitment.Position} : {(commitment.Description.Length > 90 ? commitment.Description[..90] + "…" : commitment.Description)}",
                errors?.GetValueOrDefault(d.Id),
                shownValue is { } done && intended is > 0 ? "réalisé / intention : " + Formats.Percent(Math.Round(done * 100 / intended.Value, 1)) : null);
        })];

    /// <summary>The non-empty inputs, with their errors in French; linked to the company's commitment of the same theme.</summary>
    public static (Dictionary<Guid, (decimal Value, Guid? CommitmentId)> Values, Dictionary<Guid, string> Errors) Read(
        IFormCollection form,
        IReadOnlyList<IndicatorDefinition> definitions,
        IReadOnlyList<CommitmentInfo>? commitments)
    {
        var values = new Dictionary<Guid, (decimal, Guid?)>();
        var errors = new Dictionary<Guid, string>();
        foreach (var d in definitions)
        {
            var text = (string?)form[FieldName(d.Id)];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (Formats.ParseNumber(text) is { } value)
            {
                values[d.Id] = (value, commitments?.FirstOrDefault(c => c.ThemeNumero == d.ThemeNumero)?.Id);
            }
            else
            {
                errors[d.Id] = Formats.NumberError;
            }
        }

        return (values, errors);
    }
}
