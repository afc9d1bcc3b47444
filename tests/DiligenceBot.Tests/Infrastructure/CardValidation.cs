using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;

namespace DiligenceBot.Tests.Infrastructure;

/// <summary>The checks every card the bot sends must pass: the official `adaptivecards` library at 1.5, and Teams' size limit.</summary>
public static class CardValidation
{
    /// <summary>Teams refuses a message over about 28 KB.</summary>
    public const int MaxMessageBytes = 28 * 1024;

    /// <summary>Writes each card to a folder and has tools/validate/validate-cards.mjs check them all.</summary>
    public static async Task AssertValidAsync(IReadOnlyList<(string Name, AdaptiveCard Card)> cards)
    {
        var folder = Path.Combine(Path.GetTempPath(), "diligencebot-cards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, card) in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard));
        }

        var (exitCode, output, error) = await RepoTools.RunNodeToolAsync("validate", "validate-cards.mjs", folder);

        Assert.True(exitCode == 0, $"card validation failed:\n{output}\n{error}");
        Assert.Equal(cards.Count, JsonNode.Parse(output)!["cards"]!.GetValue<int>());
        Directory.Delete(folder, recursive: true);
    }

    public static void AssertSmallEnough(IEnumerable<(string Name, AdaptiveCard Card)> cards)
    {
        foreach (var (name, card) in cards)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(OutgoingActivity.FromCard(card), BotJsonContext.Default.OutgoingActivity).Length;
            Assert.True(bytes < MaxMessageBytes, $"{name} is {bytes} bytes");
        }
    }
}
