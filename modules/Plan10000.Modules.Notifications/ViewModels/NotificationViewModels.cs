namespace Plan10000.Modules.Notifications.ViewModels;

public sealed record PreferenceRow(string Category, string Label, string Value, string? Error);

public sealed record PreferencesViewModel(IReadOnlyList<PreferenceRow> Rows, IReadOnlyList<KeyValuePair<string, string>> Options);

public sealed record RemindersViewModel(IReadOnlyList<IReadOnlyList<string>> Rows);
