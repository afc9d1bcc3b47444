using System.Globalization;
using System.Text.Json;

namespace DiligenceBot.Input;

/// <summary>
/// The data a card sent (the button's own data merged with the inputs), read tolerantly in one place: the card
/// data is whatever JSON the client chose to send, so a field that is missing, null or of another type than the
/// bot's card gave it (a number for an id, an object for a text, an array for a revision) reads as absent — the
/// verb then answers "out of date" or with the form and its errors — and is never a failure.
/// </summary>
public readonly struct CardData(JsonElement? data)
{
    private JsonElement? Field(string name) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var v) ? v : null;

    public bool IsObject => data is { ValueKind: JsonValueKind.Object };

    /// <summary>A string field; null when absent or not a string.</summary>
    public string? String(string name) => Field(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>An id the bot put on the card.</summary>
    public Guid? Guid(string name) => System.Guid.TryParse(String(name), out var g) ? g : null;

    /// <summary>
    /// A whole number the bot put on the card (a revision, a sequence): a JSON integer, or a string of digits as some
    /// clients send; 1.5, 1e3, "NaN" or a number beyond int's range is absent.
    /// </summary>
    public int? Integer(string name) => Field(name) switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var i) => i,
        { ValueKind: JsonValueKind.String } v when int.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };

    public bool IsTrue(string name) => Field(name) is { ValueKind: JsonValueKind.True };

    /// <summary>
    /// What was typed into the given inputs, as text (numbers and toggles as their JSON text; what no input produces,
    /// an object or an array, as empty). Inputs that were not sent are not in the result.
    /// </summary>
    public Dictionary<string, string> Inputs(IEnumerable<string> keys, string prefix = "")
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (Field(prefix + key) is { } v)
            {
                typed[key] = v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString() ?? string.Empty,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                    _ => string.Empty,
                };
            }
        }

        return typed;
    }

    /// <summary>The names of the fields that start with <paramref name="prefix"/> (inputs a card makes one per row, e.g. per day).</summary>
    public IReadOnlyList<string> Keys(string prefix) =>
        data is { ValueKind: JsonValueKind.Object } o
            ? o.EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// Whether a number the card carries (a revision, a count) is one the bot issued: from <paramref name="first"/>
    /// to the latest stored. One ahead of what is stored, negative or huge was made up, not issued.
    /// </summary>
    public static bool WasIssued(int number, int latest, int first = 0) => number >= first && number <= latest;
}
