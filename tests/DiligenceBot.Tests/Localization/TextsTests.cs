using System.Reflection;
using System.Text.RegularExpressions;
using DiligenceBot.Localization;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Localization;

/// <summary>Every text the bot sends exists in en-US and zh-CN, with the same placeholders.</summary>
public sealed partial class TextsTests
{
    public static TheoryData<string> AllTexts()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Enumerate())
        {
            data.Add(name);
        }

        return data;
    }

    private static IEnumerable<(string Name, Text Text)> Enumerate() =>
        typeof(Texts).GetNestedTypes().SelectMany(group => group
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Text))
            .Select(f => ($"{group.Name}.{f.Name}", (Text)f.GetValue(null)!)));

    [Theory]
    [MemberData(nameof(AllTexts))]
    public void Text_ExistsInBothLanguages_WithTheSamePlaceholders(string name)
    {
        var text = Enumerate().Single(t => t.Name == name).Text;

        Assert.False(string.IsNullOrWhiteSpace(text.EnUs));
        Assert.False(string.IsNullOrWhiteSpace(text.ZhCn));
        Assert.Equal(Placeholders(text.EnUs), Placeholders(text.ZhCn));
        if (text.EnUs.Any(char.IsLetter))
        {
            Assert.Matches(CjkPattern(), text.ZhCn);
        }
    }

    /// <summary>A text nothing reads is a text nobody checks: every one is read by the app (its group and name in src/).</summary>
    [Fact]
    public void EveryText_IsReadByTheApp()
    {
        var source = string.Concat(Directory.EnumerateFiles(Path.Combine(RepoTools.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Localization{Path.DirectorySeparatorChar}Texts", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var unused = Enumerate().Select(t => t.Name)
            .Where(name => !Regex.IsMatch(source, $@"\b{Regex.Escape(name)}\b"))
            .ToList();

        Assert.True(unused.Count == 0, "Texts nothing reads: " + string.Join(", ", unused));
    }

    [Theory]
    [InlineData("zh-CN", Language.ZhCn)]
    [InlineData("zh-TW", Language.ZhCn)]
    [InlineData("zh", Language.ZhCn)]
    [InlineData("en-US", Language.EnUs)]
    [InlineData("en-GB", Language.EnUs)]
    [InlineData("fr-FR", Language.EnUs)]
    [InlineData(null, Language.EnUs)]
    public void Language_FollowsTheLocale(string? locale, Language expected) =>
        Assert.Equal(expected, Languages.FromLocale(locale));

    private static string[] Placeholders(string s) =>
        PlaceholderPattern().Matches(s).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkPattern();
}
