using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DiligenceBot.BotFramework.Schema;

namespace DiligenceBot.BotFramework.Cards;

/// <summary>
/// A typed Adaptive Card, schema 1.5 (the highest Teams renders). Only the elements the product uses;
/// serialised by <see cref="Schema.BotJsonContext"/> with nulls omitted.
/// </summary>
public sealed class AdaptiveCard
{
    public const string SchemaVersion = "1.5";

    [JsonPropertyName("type")] public string Type => "AdaptiveCard";
    [JsonPropertyName("$schema")] public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";
    [JsonPropertyName("version")] public string Version { get; set; } = SchemaVersion;
    [JsonPropertyName("fallbackText")] public string? FallbackText { get; set; }
    [JsonPropertyName("refresh")] public CardRefresh? Refresh { get; set; }
    [JsonPropertyName("body")] public List<CardElement> Body { get; set; } = [];
    [JsonPropertyName("actions")] public List<CardAction>? Actions { get; set; }
    [JsonPropertyName("msteams")] public TeamsCardProperties? MsTeams { get; set; } = new();

    /// <summary>The card's JSON, written once by <see cref="Freeze"/>; null while the card may still change.</summary>
    [JsonIgnore] public ReadOnlyMemory<byte>? FrozenJson { get; private set; }

    /// <summary>
    /// For a card every request sends unchanged (the help card): serialises it now, once, and from then on every
    /// message carrying it writes these bytes instead of serialising it again. The card must not be changed
    /// afterwards (changes would not be sent); returns the card itself.
    /// </summary>
    public AdaptiveCard Freeze()
    {
        FrozenJson ??= JsonSerializer.SerializeToUtf8Bytes(this, BotJsonContext.Default.AdaptiveCard);
        return this;
    }
}

/// <summary>
/// Writes an <see cref="AdaptiveCard"/> that carries <see cref="AdaptiveCard.FrozenJson"/> as those bytes, any other
/// card by the source-generated serialiser.
/// </summary>
public sealed class AdaptiveCardContentConverter : JsonConverter<AdaptiveCard>
{
    public override AdaptiveCard? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, BotJsonContext.Default.AdaptiveCard);

    public override void Write(Utf8JsonWriter writer, AdaptiveCard value, JsonSerializerOptions options)
    {
        if (value.FrozenJson is { } json)
        {
            writer.WriteRawValue(json.Span, skipInputValidation: true);
            return;
        }

        JsonSerializer.Serialize(writer, value, BotJsonContext.Default.AdaptiveCard);
    }
}

/// <summary>Universal Actions refresh: Teams asks the bot for the current card when these users view it.</summary>
public sealed class CardRefresh
{
    // Declared as the base type so the "type": "Action.Execute" discriminator is written.
    [JsonPropertyName("action")] public CardAction Action { get; set; } = new ExecuteAction();
    [JsonPropertyName("userIds")] public List<string>? UserIds { get; set; }
}

public sealed class TeamsCardProperties
{
    [JsonPropertyName("width")] public string? Width { get; set; } = "Full";
}

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }
public enum TextWeight { Default, Lighter, Bolder }
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }
public enum Spacing { Default, None, Small, Medium, Large, ExtraLarge, Padding }
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
public enum ActionStyle { Default, Positive, Destructive }
public enum ChoiceInputStyle { Compact, Expanded, Filtered }

/// <summary>An element of a card's body.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract class CardElement
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("spacing")] public Spacing? Spacing { get; set; }
    [JsonPropertyName("separator")] public bool? Separator { get; set; }
    [JsonPropertyName("isVisible")] public bool? IsVisible { get; set; }
}

public sealed class TextBlock : CardElement
{
    public TextBlock() { }
    public TextBlock(string text) => Text = text;

    [JsonPropertyName("text")] public string Text { get; set; } = string.Empty;
    [JsonPropertyName("wrap")] public bool? Wrap { get; set; } = true;
    [JsonPropertyName("size")] public TextSize? Size { get; set; }
    [JsonPropertyName("weight")] public TextWeight? Weight { get; set; }
    [JsonPropertyName("color")] public TextColor? Color { get; set; }
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; set; }
    [JsonPropertyName("maxLines")] public int? MaxLines { get; set; }
}

public sealed class Container : CardElement
{
    [JsonPropertyName("items")] public List<CardElement> Items { get; set; } = [];
    [JsonPropertyName("style")] public ContainerStyle? Style { get; set; }
}

public sealed class ColumnSet : CardElement
{
    [JsonPropertyName("columns")] public List<Column> Columns { get; set; } = [];
}

public sealed class Column
{
    [JsonPropertyName("type")] public string Type => "Column";
    /// <summary>"auto", "stretch" or a weight such as "2".</summary>
    [JsonPropertyName("width")] public string? Width { get; set; }
    [JsonPropertyName("items")] public List<CardElement> Items { get; set; } = [];
}

public sealed class FactSet : CardElement
{
    [JsonPropertyName("facts")] public List<Fact> Facts { get; set; } = [];
}

public sealed record Fact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

public sealed class ActionSet : CardElement
{
    [JsonPropertyName("actions")] public List<CardAction> Actions { get; set; } = [];
}

/// <summary>Common properties of inputs: label, required flag and the message shown when invalid.</summary>
public abstract class CardInput : CardElement
{
    /// <summary>
    /// The label. A required input's label is written without a trailing "*": Teams and the other hosts mark
    /// required inputs themselves, so a label carrying its own would show two.
    /// </summary>
    [JsonPropertyName("label")]
    public string? Label
    {
        get => IsRequired == true ? WithoutMarker(field) : field;
        set;
    }

    [JsonPropertyName("isRequired")] public bool? IsRequired { get; set; }
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; set; }

    private static string? WithoutMarker(string? label) =>
        label is not null && label.TrimEnd() is { } trimmed && trimmed.EndsWith('*') ? trimmed.TrimEnd('*').TrimEnd() : label;
}

public sealed class TextInput : CardInput
{
    [JsonPropertyName("placeholder")] public string? Placeholder { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("isMultiline")] public bool? IsMultiline { get; set; }
    [JsonPropertyName("maxLength")] public int? MaxLength { get; set; }
    [JsonPropertyName("regex")] public string? Regex { get; set; }
}

/// <summary>
/// A number input. JSON has no NaN or infinity (serialising one throws), so a non-finite value, min or max is
/// left out: a card rebuilt from what someone typed ("Infinity", "1e309") shows an empty input, never fails.
/// </summary>
public sealed class NumberInput : CardInput
{
    private double? _value;
    private double? _min;
    private double? _max;

    [JsonPropertyName("placeholder")] public string? Placeholder { get; set; }
    [JsonPropertyName("value")] public double? Value { get => _value; set => _value = Finite(value); }
    [JsonPropertyName("min")] public double? Min { get => _min; set => _min = Finite(value); }
    [JsonPropertyName("max")] public double? Max { get => _max; set => _max = Finite(value); }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}

public sealed class DateInput : CardInput
{
    /// <summary>yyyy-MM-dd.</summary>
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("min")] public string? Min { get; set; }
    [JsonPropertyName("max")] public string? Max { get; set; }
}

public sealed class ChoiceSetInput : CardInput
{
    [JsonPropertyName("choices")] public List<Choice> Choices { get; set; } = [];
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("style")] public ChoiceInputStyle? Style { get; set; }
    [JsonPropertyName("isMultiSelect")] public bool? IsMultiSelect { get; set; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; set; }
    /// <summary>Long choice titles wrap instead of being cut off (a shop's full name on a phone).</summary>
    [JsonPropertyName("wrap")] public bool? Wrap { get; set; }

    /// <summary>
    /// Teams' dynamic type-ahead: as the user types, Teams asks the bot for choices with an <c>application/search</c>
    /// invoke naming this dataset. The static <see cref="Choices"/> are still shown (and are what a preset
    /// <see cref="Value"/> is titled from), so a re-shown card keeps what was picked.
    /// </summary>
    [JsonPropertyName("choices.data")] public DataQuery? ChoicesData { get; set; }
}

/// <summary>Where a <see cref="ChoiceSetInput"/> fetches its choices from (Teams: the bot, via <c>application/search</c>).</summary>
public sealed class DataQuery
{
    [JsonPropertyName("type")] public string Type => "Data.Query";
    /// <summary>Names the data the bot searches; it comes back as the invoke's <c>dataset</c>.</summary>
    [JsonPropertyName("dataset")] public string Dataset { get; set; } = string.Empty;
    /// <summary>How many choices to ask for at a time (Teams shows at most 15).</summary>
    [JsonPropertyName("count")] public int? Count { get; set; }
}

public sealed record Choice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

public sealed class ToggleInput : CardInput
{
    [JsonPropertyName("title")] public string Title { get; set; } = string.Empty;
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("valueOn")] public string? ValueOn { get; set; }
    [JsonPropertyName("valueOff")] public string? ValueOff { get; set; }
}

/// <summary>An action button.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract class CardAction
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("style")] public ActionStyle? Style { get; set; }
}

/// <summary>Universal Action: arrives as an adaptiveCard/action invoke; the answer replaces the card.</summary>
public sealed class ExecuteAction : CardAction
{
    [JsonPropertyName("verb")] public string? Verb { get; set; }
    [JsonPropertyName("data")] public JsonObject? Data { get; set; }
    /// <summary>"auto" (send the card's inputs, validated client-side) or "none".</summary>
    [JsonPropertyName("associatedInputs")] public string? AssociatedInputs { get; set; }
}

/// <summary>Arrives as a message activity whose <c>value</c> holds the inputs and data.</summary>
public sealed class SubmitAction : CardAction
{
    [JsonPropertyName("data")] public JsonObject? Data { get; set; }
    [JsonPropertyName("associatedInputs")] public string? AssociatedInputs { get; set; }
}

public sealed class OpenUrlAction : CardAction
{
    [JsonPropertyName("url")] public string Url { get; set; } = string.Empty;
}

public sealed class ShowCardAction : CardAction
{
    [JsonPropertyName("card")] public AdaptiveCard? Card { get; set; }
}

public sealed class ToggleVisibilityAction : CardAction
{
    [JsonPropertyName("targetElements")] public List<string> TargetElements { get; set; } = [];
}
