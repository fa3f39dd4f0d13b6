namespace Plan10000.Portal.Abstractions.Ui;

/// <summary>A multi-line text field with its label, hint and error; the value is what the user typed, kept on error.</summary>
public sealed record TextAreaModel(string Name, string Label, string? Value = null, string? Error = null, string? Hint = null, int Rows = 5, bool Required = false)
{
    public string Id => "f-" + Name.Replace('.', '-');
}

/// <summary>
/// A fieldset of checkboxes posted under one name (several values); with one option it is a single consent box.
/// </summary>
public sealed record CheckboxGroupModel(string Name, string Legend, IReadOnlyList<KeyValuePair<string, string>> Options, IReadOnlyCollection<string> Selected, string? Error = null, string? Hint = null)
{
    public string Id => "f-" + Name.Replace('.', '-');

    public string OptionId(int index) => Id + "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Where a multi-step form stands: « Étape 2 sur 5 », the current title and the next one.</summary>
public sealed record StepperModel(int Current, int Count, string Title, string? NextTitle = null);
