namespace DiligenceBot.BotFramework.Tests.Hosting;

/// <summary>What a caller-chosen value looks like in a log line.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("1700000000000")]
    [InlineData("a:1-personal-wang-lei")]
    [InlineData("王磊")]
    public void OrdinaryValues_AreKeptAsTheyAre_WithoutACopy(string value) =>
        Assert.Same(value, LogText.Untrusted(value));

    [Fact]
    public void CharactersBeyondTheBasicPlane_AreKept() =>
        Assert.Equal("王磊 " + char.ConvertFromUtf32(0x1F44B), LogText.Untrusted("王磊 " + char.ConvertFromUtf32(0x1F44B)));

    [Fact]
    public void ALoneSurrogate_IsMadeVisible() =>
        Assert.Equal("lone \\uD800 surrogate", LogText.Untrusted("lone " + (char)0xD800 + " surrogate"));

    [Theory]
    [InlineData("id\r\nWarning: forged", "id\\u000D\\u000AWarning: forged")]
    [InlineData("abc\u202Egpj.exe", "abc\\u202Egpj.exe")]
    [InlineData("zero\u200Bwidth\u2028line", "zero\\u200Bwidth\\u2028line")]
    [InlineData("tab\tand\0nul", "tab\\u0009and\\u0000nul")]
    public void ControlFormatAndSeparatorCharacters_AreMadeVisible(string value, string logged) =>
        Assert.Equal(logged, LogText.Untrusted(value));

    [Fact]
    public void LongValues_AreCut_SayingHowLongTheyWere()
    {
        var logged = LogText.Untrusted(new string('x', 10_000))!;

        Assert.Equal(new string('x', LogText.MaxLength) + "…(10000 chars)", logged);
    }

    [Fact]
    public void ACutNeverSplitsASurrogatePair()
    {
        var wave = char.ConvertFromUtf32(0x1F44B);
        var logged = LogText.Untrusted(new string('x', LogText.MaxLength - 1) + wave + wave + wave)!;

        Assert.StartsWith(new string('x', LogText.MaxLength - 1) + wave + "…", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_StaysNull() => Assert.Null(LogText.Untrusted(null));
}
