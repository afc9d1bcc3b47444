using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Coaching;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Tests.Coaching;

/// <summary>
/// What a lead sees of the coaching card at first sight (the suggestion, its reasons, the decision), what opens on
/// demand (figures, playbook, history), and that no card shows a suggestion stronger than its evidence.
/// </summary>
public sealed class CoachingCardTests
{
    private static JsonObject Card(string name) =>
        JsonSerializer.SerializeToNode(CoachingCardSchemaTests.EveryCard().Single(c => c.Name == name).Card, BotJsonContext.Default.AdaptiveCard)!.AsObject();

    /// <summary>The texts a reader sees without pressing anything: hidden elements and show cards are left out.</summary>
    private static List<string> Visible(JsonNode node) => node switch
    {
        JsonObject o when o["isVisible"] is JsonValue v && !v.GetValue<bool>() => [],
        JsonObject o when o["type"]?.GetValue<string>() == "Action.ShowCard" => [o["title"]!.GetValue<string>()],
        JsonObject o => [.. o.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue s && s.TryGetValue<string>(out var t) ? [t] : p.Value is null ? [] : Visible(p.Value))],
        JsonArray a => [.. a.SelectMany(x => x is null ? [] : Visible(x))],
        _ => [],
    };

    private static JsonObject? ById(JsonNode node, string id) => node switch
    {
        JsonObject o when o["id"]?.GetValue<string>() == id => o,
        JsonObject o => o.Select(p => p.Value is null ? null : ById(p.Value, id)).FirstOrDefault(x => x is not null),
        JsonArray a => a.Select(x => x is null ? null : ById(x, id)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    [Fact]
    public void AtFirstSight_TheCardShowsTheSuggestionItsReasonsAndTheDecision_TheRestOpensOnDemand()
    {
        var card = Card("coach-full.en-US");
        var visible = Visible(card);

        Assert.Contains("Strong start, weak finish (strength 80%)", visible);
        Assert.Contains(visible, t => t.StartsWith("• on time 95% on days 1–10", StringComparison.Ordinal));
        Assert.Contains(visible, t => t.StartsWith("Confirmed on 2026\u201111\u201130: Discontented", StringComparison.Ordinal));
        Assert.DoesNotContain(visible, t => t.StartsWith("**Look into**", StringComparison.Ordinal) || t.StartsWith("Earlier decisions", StringComparison.Ordinal) || t.StartsWith("Recent observations", StringComparison.Ordinal));
        Assert.DoesNotContain("On time (30\u00a0days)", visible);

        // Each on-demand part is hidden and has a button that shows it.
        var toggles = ById(card, "more")!["actions"]!.AsArray().Select(a => (a!["title"]!.GetValue<string>(), a["targetElements"]![0]!.GetValue<string>())).ToList();
        Assert.Equal([("Figures", "more.figures"), ("Playbook", "more.playbook"), ("History", "more.history")], toggles);
        Assert.All(toggles, t => Assert.False(ById(card, t.Item2)!["isVisible"]!.GetValue<bool>()));
        Assert.NotNull(ById(ById(card, "more.playbook")!, "playbook.lookInto"));
        Assert.NotNull(ById(ById(card, "more.history")!, "observations"));
        Assert.NotNull(ById(ById(card, "more.figures")!, "figures"));
    }

    [Theory]
    [InlineData("coach-insufficient.en-US")]
    [InlineData("coach-insufficient.zh-CN")]
    public void WithTooLittleEvidence_NoTypeAndNoPercentageIsShown(string name)
    {
        var card = Card(name);
        var typeNames = Enum.GetValues<ManagerType>().SelectMany(t => new[] { CoachingCardSchemaTests.Library[t].Name.In(Language.EnUs), CoachingCardSchemaTests.Library[t].Name.In(Language.ZhCn) }).ToList();

        // Everything but the type picker (which lists the seven types to choose from).
        var shown = Visible(card["body"]!);
        Assert.DoesNotContain(shown, t => typeNames.Any(n => t.Contains(n, StringComparison.Ordinal)));
        Assert.DoesNotContain("%", ById(card, "suggestion")!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(ById(card, "more.playbook"));
        Assert.Null(ById(card, CoachingCards.TypeInput)!["value"]);
    }

    [Fact]
    public void AWeakSuggestion_IsOnlyPossibly_WithoutAPercentage_OnTheCardAndInTheDigest()
    {
        Assert.Equal("Possibly Discontented (the evidence is still weak)", CoachingCards.Suggestion("Discontented", 0.3, Language.EnUs));
        Assert.Equal("可能是心存不满型（依据尚不充分）", CoachingCards.Suggestion("心存不满型", 0.3, Language.ZhCn));
        Assert.Equal("Discontented (strength 50%)", CoachingCards.Suggestion("Discontented", 0.5, Language.EnUs));

        var team = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组" };
        var manager = new Person { Id = "chen-jie", TenantId = "t", AadObjectId = "c", DisplayName = "Chen Jie 陈杰", TeamId = "east-1" };
        var digest = JsonSerializer.SerializeToNode(
            CoachingCards.Digest(team, new DateOnly(2026, 11, 1), [new CoachingCards.DigestRow(manager, ManagerType.Discontented, 0.3, false, null, null, 0, 0)], CoachingCardSchemaTests.Library, Language.EnUs),
            BotJsonContext.Default.AdaptiveCard)!;
        var row = ById(digest, "row.chen-jie.text")!["text"]!.GetValue<string>();
        Assert.StartsWith("Suggested: Possibly Discontented (the evidence is still weak) — first digest", row, StringComparison.Ordinal);
        Assert.DoesNotContain("%", row, StringComparison.Ordinal);
    }
}
