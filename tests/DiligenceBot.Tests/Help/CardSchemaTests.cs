using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Help;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Help;

/// <summary>
/// Every card the bot can send, in both languages, is written to a folder and validated by the official
/// `adaptivecards` library at schema 1.5 plus raw checks (tools/validate/validate-cards.mjs).
/// </summary>
public sealed class CardSchemaTests
{
    /// <summary>Each card the bot sends, by a file name saying which.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组", MeetingTime = new TimeOnly(8, 30) };
        var lead = new Person { Id = "li-na", TenantId = "t", AadObjectId = "x", DisplayName = "Li Na 李娜" };
        east1.Lead = lead;
        var manager = new Person { Id = "wang-lei", TenantId = "t", AadObjectId = "y", DisplayName = "Wang Lei 王磊", Team = east1, IsAdmin = true };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组" };

        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            yield return ($"welcome-known.{tag}", HelpCards.Welcome(manager, language));
            yield return ($"welcome-unknown.{tag}", HelpCards.Welcome(null, language));
            yield return ($"welcome-team.{tag}", HelpCards.WelcomeTeam("East District", language));
            yield return ($"help.{tag}", HelpCards.Help(language));
            yield return ($"profile-manager-and-lead.{tag}", HelpCards.Profile(manager, "y", [east2], language));
            yield return ($"profile-lead-only.{tag}", HelpCards.Profile(lead, "x", [east1], language));
            yield return ($"profile-unknown.{tag}", HelpCards.Profile(null, "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", [], language));
        }
    }

    [Fact]
    public async Task EveryCard_IsValidAdaptiveCard15_ForTheOfficialLibrary()
    {
        var folder = Path.Combine(Path.GetTempPath(), "diligencebot-cards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cards = EveryCard().ToList();
        foreach (var (name, card) in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard));
        }

        var (exitCode, output, error) = await RepoTools.RunNodeToolAsync("validate", "validate-cards.mjs", folder);

        Assert.True(exitCode == 0, $"card validation failed:\n{output}\n{error}");
        Assert.Equal(cards.Count, JsonNode.Parse(output)!["cards"]!.GetValue<int>());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TheValidator_RejectsABrokenCard()
    {
        // Guards the guard: a card with an element type Teams does not know must fail validation.
        var folder = Path.Combine(Path.GetTempPath(), "diligencebot-badcard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var node = JsonSerializer.SerializeToNode(HelpCards.Help(Language.EnUs), BotJsonContext.Default.AdaptiveCard)!;
        node["body"]![0]!["type"] = "TextBlok";
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), node.ToJsonString());

        var (exitCode, output, _) = await RepoTools.RunNodeToolAsync("validate", "validate-cards.mjs", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("broken.json", output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void EveryCard_IsSmallEnoughForTeams()
    {
        foreach (var (name, card) in EveryCard())
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(OutgoingActivity.FromCard(card), BotJsonContext.Default.OutgoingActivity).Length;
            Assert.True(bytes < 28 * 1024, $"{name} is {bytes} bytes");
        }
    }
}
