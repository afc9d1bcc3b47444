using DiligenceBot.Input;
using DiligenceBot.Localization;

namespace DiligenceBot.Tests.Hostile;

/// <summary>The one place that judges typed text and numbers, table by table.</summary>
public sealed class UserInputTests
{
    public static TheoryData<string> InvisibleTexts() => new(HostileActivityTests.Invisible);

    [Theory]
    [MemberData(nameof(InvisibleTexts))]
    public void InvisibleText_IsEmpty_ForARequiredInput(string text)
    {
        Assert.True(UserText.IsBlank(text));
        Assert.Equal("Note is required.", UserText.Check(text, new TextRule(500, Required: true), "Note", Language.EnUs, out var clean));
        Assert.Null(clean);
        Assert.Null(UserText.Check(text, new TextRule(500), "Note", Language.EnUs, out _));
    }

    [Theory]
    [InlineData("一二三", 3)]
    [InlineData("拜访\u200B新店", 4)]
    [InlineData("e\u0301cole", 5)]
    [InlineData("👨‍👩‍👧", 1)]
    [InlineData("❤️", 1)]
    [InlineData("\u3000a\u00ADb\u202Ec\u2060", 3)]
    [InlineData("\uFE0F\u200D", 0)]
    public void VisibleLength_CountsWhatAReaderSees(string text, int expected) => Assert.Equal(expected, UserText.VisibleLength(text));

    [Fact]
    public void MinimumLength_CountsVisibleCharacters_InBothLanguages()
    {
        var rule = new TextRule(500, Required: true, MinLength: 5);
        Assert.Equal("Plan needs at least 5 characters.", UserText.Check("ab\u200B\u200B\u200Bcd", rule, "Plan", Language.EnUs, out _));
        Assert.Equal("“计划”至少需要5个字。", UserText.Check("拜访\u3000新店", rule, "计划", Language.ZhCn, out _));
        Assert.Null(UserText.Check("拜访五家新店", rule, "计划", Language.ZhCn, out var clean));
        Assert.Equal("拜访五家新店", clean);
    }

    [Theory]
    [InlineData("a\u0000b", true)]
    [InlineData("a\u0001b", true)]
    [InlineData("a\u007Fb", true)]
    [InlineData("a\u0085b", true)]
    [InlineData("a\nb", false)]
    [InlineData("a\tb", false)]
    [InlineData("a\r\nb", false)]
    public void ControlCharacters_AreRefused_ButNewlinesAndTabsInMultiLineInputs(string text, bool refused)
    {
        var error = UserText.Check(text, new TextRule(500), "Note", Language.EnUs, out _);
        Assert.Equal(refused, error is not null);
        Assert.NotNull(UserText.Check("a\nb", new TextRule(500, Multiline: false), "Customer", Language.EnUs, out _));
        if (refused)
        {
            Assert.Equal("Note contains control characters that cannot be shown (they often come with pasted text); please remove them.", error);
        }
    }

    [Fact]
    public void BidiControls_AreRemoved_SoTheWordsKeepTheirOrder()
    {
        Assert.Null(UserText.Check("\u202Edevlos\u202C is fine \u2067x\u2069", new TextRule(500), "Note", Language.EnUs, out var clean));
        Assert.Equal("devlos is fine x", clean);
        Assert.Equal("log", UserText.Words("\u200Blog\u200B"));
        Assert.Equal("team logs 2026-11-30", UserText.Words("team\u3000logs\u200B \u200B2026-11-30"));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("")]
    [InlineData("\u200B")]
    [InlineData("12 cases")]
    public void NonFiniteAndNonNumbers_AreNotNumbers(string text) => Assert.False(UserNumber.TryParse(text, out _));

    [Fact]
    public void NonFiniteNumbers_GetTheirOwnMessage_InBothLanguages()
    {
        Assert.Equal("Visits must be an ordinary number from 0 to 60; “Infinity” is not one.", UserNumber.Check("Infinity", 0, 60, "Visits", Language.EnUs, out _));
        Assert.Equal("“拜访户数”必须是0到60之间的普通数字，“1e309”不是有效数字。", UserNumber.Check("1e309", 0, 60, "拜访户数", Language.ZhCn, out _));
        Assert.Equal("Visits must be a number from 0 to 60.", UserNumber.Check("61", 0, 60, "Visits", Language.EnUs, out _));
        Assert.Null(UserNumber.Check(" 12 ", 0, 60, "Visits", Language.EnUs, out var visits));
        Assert.Equal(12, visits);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("3.0", 3)]
    [InlineData("\u200B5", 5)]
    public void WholeNumbers_InRange(string text, int expected)
    {
        Assert.True(UserNumber.TryParseWhole(text, 1, 5, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("NaN")]
    [InlineData("1e309")]
    public void WholeNumbers_OutOfRangeOrNotWhole_AreRefused(string text) => Assert.False(UserNumber.TryParseWhole(text, 1, 5, out _));

    [Fact]
    public void ACardRebuiltWithANonFiniteNumber_LeavesTheInputEmpty()
    {
        var input = new BotFramework.Cards.NumberInput { Id = "f.visits", Value = double.PositiveInfinity, Min = double.NaN, Max = 60 };
        Assert.Equal((null, null, 60d), (input.Value, input.Min, input.Max));
    }
}
