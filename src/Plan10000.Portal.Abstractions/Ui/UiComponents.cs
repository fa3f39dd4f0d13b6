namespace Plan10000.Portal.Abstractions.Ui;

/// <summary>
/// The theme contract: module views compose these pieces by partial name and every public theme
/// supplies a template for each under <c>/Themes/{Theme}/Views/Shared/Components/</c>.
/// </summary>
public static class UiComponents
{
    public const string PageHeader = "Components/_PageHeader";
    public const string Breadcrumb = "Components/_Breadcrumb";
    public const string Alert = "Components/_Alert";
    public const string Card = "Components/_Card";
    public const string Tags = "Components/_Tags";
    public const string Badge = "Components/_Badge";
    public const string Pagination = "Components/_Pagination";
    public const string SummaryList = "Components/_SummaryList";
    public const string Table = "Components/_Table";
    public const string Field = "Components/_Field";
    public const string Select = "Components/_Select";
    public const string Button = "Components/_Button";
    public const string TextArea = "Components/_TextArea";
    public const string CheckboxGroup = "Components/_CheckboxGroup";
    public const string RichText = "Components/_RichText";
    public const string Stepper = "Components/_Stepper";

    public static IReadOnlyList<string> All { get; } = [PageHeader, Breadcrumb, Alert, Card, Tags, Badge, Pagination, SummaryList, Table, Field, Select, Button, TextArea, CheckboxGroup, RichText, Stepper];
}

public sealed record Link(string Title, string Url);

public sealed record PageHeaderModel(string Title, string? Lead = null, IReadOnlyList<Link>? Breadcrumb = null);

public sealed record BreadcrumbModel(IReadOnlyList<Link> Parents, string Current);

public enum AlertKind
{
    Info,
    Success,
    Warning,
    Error,
}

public sealed record AlertModel(AlertKind Kind, string Title, string? Message = null);

public sealed record TagModel(string Label, string? Url = null);

public sealed record CardModel(string Title, string Url, string? Description = null, string? Detail = null, IReadOnlyList<TagModel>? Tags = null, string? ImageUrl = null, string? ImageAlt = null);

public enum BadgeKind
{
    Neutral,
    Info,
    Success,
    Warning,
    Error,
    New,
}

public sealed record BadgeModel(string Label, BadgeKind Kind = BadgeKind.Neutral);

/// <summary>Pages are 1-based; <see cref="UrlFormat"/> contains <c>{0}</c> where the page number goes.</summary>
public sealed record PaginationModel(int Page, int PageCount, string UrlFormat)
{
    public string UrlFor(int page) => string.Format(System.Globalization.CultureInfo.InvariantCulture, UrlFormat, page);
}

public sealed record SummaryListModel(IReadOnlyList<KeyValuePair<string, string>> Rows);

/// <summary>When <paramref name="RowLinks"/> is given, each row's first cell links to the matching address.</summary>
public sealed record TableModel(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string>? RowLinks = null);

/// <summary>A form field with its label, hint and the error shown next to it; the value is what the user typed, kept on error.</summary>
public sealed record FieldModel(string Name, string Label, string? Value = null, string Type = "text", string? Error = null, string? Hint = null, string? Autocomplete = null, bool Required = false)
{
    public string Id => "f-" + Name.Replace('.', '-');

    public static string? ErrorOf(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string name)
        => state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

public sealed record SelectModel(string Name, string Label, IReadOnlyList<KeyValuePair<string, string>> Options, string? Value = null, string? Error = null, string? Hint = null, string? EmptyOption = null)
{
    public string Id => "f-" + Name.Replace('.', '-');
}

public enum ButtonKind
{
    Primary,
    Secondary,
    Danger,
}

public sealed record ButtonModel(string Label, ButtonKind Kind = ButtonKind.Primary, string Type = "submit", string? Name = null, string? Value = null);

/// <summary>
/// HTML already rendered and sanitized by its module (e.g. Markdown); the theme only gives it a typographic frame.
/// Never build one from unsanitized input.
/// </summary>
public sealed record RichTextModel(string SanitizedHtml);
