using System.Text.Json;
using System.Text.Unicode;

namespace DiligenceBot.BotFramework.Schema;

/// <summary>
/// Reads an activity body. Everything the schema allows is read (nulls inside arrays are dropped by the model);
/// what cannot be an activity throws <see cref="JsonException"/>, so the endpoint answers 400: broken JSON, wrong
/// types in typed fields, nesting deeper than 64, bytes that are not UTF-8, and escaped strings that are not text
/// (<c>"\ud800"</c>, an unpaired surrogate, would otherwise pass JSON parsing inside <c>value</c> and fail later, in
/// whatever code first reads it). A UTF-8 byte order mark in front of the body is skipped.
/// </summary>
public static class ActivityJson
{
    public static Activity? Read(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\xEF\xBB\xBF"u8))
        {
            body = body[3..];
        }

        if (!Utf8.IsValid(body))
        {
            throw new JsonException("The body is not UTF-8.");
        }

        var activity = JsonSerializer.Deserialize(body, BotJsonContext.Default.Activity);
        // Typed string fields were checked by the deserialiser; values kept as JSON elements (value, channel data,
        // unknown fields) are checked here. Only bodies with a \u escape can hold one.
        if (body.IndexOf("\\u"u8) >= 0)
        {
            EnsureEscapesAreText(body);
        }

        return activity;
    }

    private static void EnsureEscapesAreText(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new JsonException("A string holds an escaped unpaired surrogate.", null, null, reader.BytesConsumed);
                }
            }
        }
    }
}
