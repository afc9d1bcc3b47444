using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.Testing;
using MiniExcelLibs;

namespace DiligenceBot.Tests.Infrastructure;

/// <summary>The file consent card of an export, as Teams handles it: the card the bot sent, and the user accepting it (the rows uploaded, read back).</summary>
public static class FileConsents
{
    public const string ConsentType = "application/vnd.microsoft.teams.card.file.consent";

    /// <summary>The consent card the bot sent in the chat since the connector was last cleared.</summary>
    public static JsonNode Sent(LocalConnector connector) =>
        Assert.Single(connector.SentActivities.SelectMany(r => r.Body?["attachments"]?.AsArray() ?? []), a => a!["contentType"]!.GetValue<string>() == ConsentType)!;

    /// <summary>The user accepts the consent card: Teams hands out an upload URL, the bot uploads there; the rows read back.</summary>
    public static async Task<List<List<string>>> AcceptAsync(BotApp bot, LocalConnector connector, LocalOneDrive drive, TeamsUser user, JsonNode consent, string locale)
    {
        var name = consent["name"]!.GetValue<string>();
        var accept = Activities.Execute(connector.ServiceUrl, user, "unused", locale: locale);
        accept["name"] = "fileConsent/invoke";
        accept["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = consent["content"]!["acceptContext"]!.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = drive.ContentUrlFor(name), ["fileType"] = "xlsx", ["name"] = name, ["uploadUrl"] = drive.UploadUrlFor(name),
                ["uniqueId"] = "5C1D2C7A-3F3B-4E8E-9D55-2B1F0C1E6A11",
            },
        };
        using (var response = await bot.PostActivityAsync(accept))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        var uploaded = drive.Uploaded(name) ?? throw new Xunit.Sdk.XunitException("Nothing was uploaded for " + name);
        Assert.Equal(consent["content"]!["sizeInBytes"]!.GetValue<long>(), uploaded.Content.LongLength);
        using var stream = new MemoryStream(uploaded.Content);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToList())];
    }
}
