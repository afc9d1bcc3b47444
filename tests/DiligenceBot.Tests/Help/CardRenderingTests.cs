using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Help;

/// <summary>
/// Every card of <see cref="CardSchemaTests.EveryCard"/> (every feature, both languages) is written to
/// artifacts/cards/json and drawn by the official Adaptive Cards renderer in headless Chromium at 360 px (a phone)
/// and 800 px (a desktop chat) with a Teams-like host config (tools/render-cards), into artifacts/cards/png: the
/// pictures to look at after changing a card. The renderer also measures each picture for what a reader notices on a
/// phone: titles one character per line, dates, numbers and form numbers broken over two lines, cut-off text, a card
/// wider than the screen, and a required label with two markers. Needs Debian's chromium and fonts-noto-cjk.
/// </summary>
[Trait("Category", "Rendering")]
public sealed class CardRenderingTests
{
    private static readonly string Folder = Path.Combine(RepoTools.RepoRoot, "artifacts", "cards");

    /// <summary>
    /// The card families whose layout must be free of faults. A family joins once its cards have been looked at
    /// and mended at both widths.
    /// </summary>
    public static TheoryData<string> CheckedFamilies => new("welcome", "help", "profile", "transfer", "coach", "coaching", "pulse", "worklog", "customers", "import", "minutes", "action", "training", "execution", "plan", "checks", "scorecard", "record", "skills", "evaluations", "annual");

    private static readonly Lazy<Task<JsonNode>> Report = new(RenderEveryCardAsync);

    private static async Task<JsonNode> RenderEveryCardAsync()
    {
        var json = Path.Combine(Folder, "json");
        var png = Path.Combine(Folder, "png");
        foreach (var dir in new[] { json, png })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.CreateDirectory(dir);
        }

        foreach (var (name, card) in CardSchemaTests.EveryCard())
        {
            await File.WriteAllTextAsync(Path.Combine(json, name + ".json"), JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard));
        }

        var (exitCode, output, error) = await RepoTools.RunNodeToolAsync("render-cards", "render-cards.mjs", json, png, "--widths", "360,800");
        Assert.True(exitCode == 0, $"render-cards failed ({exitCode}):\n{output}\n{error}");
        return JsonNode.Parse(output)!;
    }

    [Fact]
    public async Task EveryCard_IsDrawnAtPhoneAndDesktopWidth()
    {
        var report = await Report.Value;
        var cards = CardSchemaTests.EveryCard().Select(c => c.Name).ToList();

        Assert.Equal(cards.Count, report["cards"]!.GetValue<int>());
        Assert.Empty(report["errors"]!.AsArray());
        foreach (var name in cards)
        {
            foreach (var width in new[] { 360, 800 })
            {
                var file = new FileInfo(Path.Combine(Folder, "png", $"{name}.{width}.png"));
                Assert.True(file.Exists && file.Length > 1000, $"{file.Name} was not drawn");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CheckedFamilies))]
    public async Task Cards_HaveNoLayoutFaults_OnAPhoneOrADesktop(string family)
    {
        var report = await Report.Value;

        var faults = report["faults"]!.AsArray()
            .Where(f => Family(f!["file"]!.GetValue<string>()) == family)
            .Select(f => $"{f!["file"]} at {f["width"]} px ({f["variant"]}): {f["kind"]} — {f["text"]}")
            .ToList();

        Assert.True(faults.Count == 0, $"layout faults in the {family} cards (pictures in {Folder}/png):\n" + string.Join('\n', faults));
    }

    [Fact]
    public async Task TheRenderer_FindsAOneCharacterPerLineTitle_ABrokenFormNumber_ADateSplitFromItsTime_AndABox()
    {
        // Guards the guard: a narrow column squeezing a long title, a form number in a column too narrow for it, a
        // date whose time falls to the next line (the date itself cannot break: non-breaking hyphens), and a
        // character drawn as a box.
        var folder = Path.Combine(Path.GetTempPath(), "diligencebot-badlayout-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var card = """
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"ColumnSet","columns":[
              {"type":"Column","width":"stretch","items":[{"type":"TextBlock","text":"A long description that takes all the room there is on a phone screen","wrap":true}]},
              {"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"处理意见","wrap":true}]},
              {"type":"Column","width":"stretch","items":[{"type":"TextBlock","text":"A long description that takes all the room there is on a phone screen","wrap":true}]},
              {"type":"Column","width":"20px","items":[{"type":"TextBlock","text":"XX-2026-000123","wrap":true}]}]},
              {"type":"ColumnSet","columns":[
              {"type":"Column","width":"stretch","items":[{"type":"TextBlock","text":"A long description that takes all the room there is on a phone screen","wrap":true}]},
              {"type":"Column","width":"90px","items":[{"type":"TextBlock","text":"2026\u201111\u201130 08:10","wrap":true}]}]},
              {"type":"TextBlock","text":"A character no font has: \u0379","wrap":true},
              {"type":"Input.Text","id":"x","label":"Content *","isRequired":true,"errorMessage":"Required"}]}
            """;
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.json"), card);

        var (exitCode, output, _) = await RepoTools.RunNodeToolAsync("render-cards", "render-cards.mjs", folder, Path.Combine(folder, "png"), "--widths", "360", "--fail-on-faults");

        Assert.Equal(1, exitCode);
        var kinds = JsonNode.Parse(output)!["faults"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("narrow-text", kinds);
        Assert.Contains("broken-token", kinds);
        Assert.Contains("double-marker", kinds);
        var faults = JsonNode.Parse(output)!["faults"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(faults, f => f.StartsWith("\"2026\u201111\u201130 08:10\" is broken", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("U+0379 drawn as a box", StringComparison.Ordinal));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>"transfer-form-new.zh-CN.json" → "transfer"; "help.en-US.json" → "help".</summary>
    private static string Family(string file) => file.Split('.')[0].Split('-')[0];
}
