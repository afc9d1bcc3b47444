using DiligenceBot.Localization;
using DiligenceBot.Records;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Records;

/// <summary>seeds/record-kinds.json: the shipped kinds, a file with a problem refused with the problem named, periods and due days.</summary>
public sealed class RecordKindsTests
{
    private static string File(string kinds) => $$"""{ "kinds": [ {{kinds}} ] }""";

    [Fact]
    public void ShippedSeed_LoadsTheArticlesKinds_InBothLanguages()
    {
        var kinds = RecordKinds.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "record-kinds.json"));

        var summary = kinds.Find("monthly-summary")!;
        Assert.Equal(("月度工作总结", "Monthly work summary", RecordPeriodKind.Monthly, 3, true), (summary.NameZh, summary.NameEn, summary.Period, summary.DueWorkingDay, summary.Required));
        Assert.Equal(RecordPeriodKind.Quarterly, kinds.Find("market-analysis")!.Period);
        Assert.Equal(RecordPeriodKind.HalfYear, kinds.Find("half-year-summary")!.Period);
        Assert.Equal((RecordPeriodKind.None, false, true), (kinds.Find("customer-signed")!.Period, kinds.Find("customer-signed")!.Required, kinds.Find("customer-signed")!.CustomersRequired));
        Assert.Equal(["monthly-summary", "market-analysis", "half-year-summary"], kinds.Required.Select(k => k.Id));
        Assert.Contains(kinds.All, k => k.NameZh == "专题报告");
        Assert.Contains(kinds.All, k => k.NameZh == "营销案例");
    }

    [Theory]
    [InlineData("""{ "id": "a", "nameEn": "A", "nameZh": "甲", "period": "weekly", "dueWorkingDay": 3 }""", "period \"weekly\" must be monthly, quarterly, half-year or none")]
    [InlineData("""{ "id": "a", "nameEn": "A", "nameZh": "甲", "period": "monthly" }""", "a: dueWorkingDay must be 1-20")]
    [InlineData("""{ "id": "a", "nameEn": "A", "nameZh": "甲", "period": "monthly", "dueWorkingDay": 21 }""", "a: dueWorkingDay must be 1-20")]
    [InlineData("""{ "id": "a", "nameEn": "A", "nameZh": "甲", "period": "none", "required": true }""", "a: a kind without a period has no dueWorkingDay and is not required")]
    [InlineData("""{ "id": "a", "nameEn": "A", "nameZh": "", "period": "none" }""", "a: nameEn and nameZh are required")]
    [InlineData("""{ "id": "Monthly Summary", "nameEn": "A", "nameZh": "甲", "period": "none" }""", "id \"Monthly Summary\" must be 1-40 characters of a-z, 0-9 and -")]
    [InlineData("""{ "id": "a", "nameEn": "A", "nameZh": "甲", "period": "none" }, { "id": "a", "nameEn": "B", "nameZh": "乙", "period": "none" }""", "id \"a\" appears 2 times")]
    [InlineData("""{ "id": "a", "nameEn": "A", "nameZh": "甲", "period": "none", "due": 3 }""", "'due'")]
    [InlineData("", "\"kinds\" must list at least one kind of record")]
    public void BadFile_IsRefused_NamingTheProblem(string kinds, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RecordKinds.Parse(File(kinds), "record-kinds.json"));

        Assert.StartsWith("record-kinds.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecordPeriodKind.Monthly, "2026-11", "2026-11", "2026-11-01", "2026-11-30")]
    [InlineData(RecordPeriodKind.Monthly, " 2026-3 ", "2026-03", "2026-03-01", "2026-03-31")]
    [InlineData(RecordPeriodKind.Quarterly, "2026-q4", "2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData(RecordPeriodKind.HalfYear, "2026-H1", "2026-H1", "2026-01-01", "2026-06-30")]
    public void Period_IsReadAsTyped(RecordPeriodKind kind, string typed, string key, string first, string last)
    {
        Assert.True(RecordPeriod.TryParse(kind, typed, out var period));
        Assert.Equal((key, DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), (period.Key, period.First, period.Last));
    }

    [Theory]
    [InlineData(RecordPeriodKind.Monthly, "2026-13")]
    [InlineData(RecordPeriodKind.Monthly, "2026-Q4")]
    [InlineData(RecordPeriodKind.Quarterly, "2026-Q5")]
    [InlineData(RecordPeriodKind.HalfYear, "2026-H3")]
    [InlineData(RecordPeriodKind.HalfYear, "26-H1")]
    [InlineData(RecordPeriodKind.None, "2026-11")]
    public void Period_NotOfTheKind_IsRefused(RecordPeriodKind kind, string typed) =>
        Assert.False(RecordPeriod.TryParse(kind, typed, out _));

    [Fact]
    public void Period_ReadsOnCards_WithoutBreaking()
    {
        var q4 = RecordPeriod.Holding(RecordPeriodKind.Quarterly, new DateOnly(2026, 11, 15));
        var h1 = RecordPeriod.Holding(RecordPeriodKind.HalfYear, new DateOnly(2026, 3, 1));

        Assert.Equal("Q4\u00a02026", q4.Name(Language.EnUs));
        Assert.Equal("2026年第4季度", q4.Name(Language.ZhCn).Replace("\u2060", string.Empty, StringComparison.Ordinal));
        Assert.Contains('\u2060', q4.Name(Language.ZhCn));
        Assert.Equal("2026年上半年", h1.Name(Language.ZhCn).Replace("\u2060", string.Empty, StringComparison.Ordinal));
        Assert.Equal("2026-Q3", q4.Previous.Key);
    }

    [Fact]
    public void DueDay_IsTheNthWorkingDayAfterThePeriod_ByTheTeamsCalendar()
    {
        // September 2026's summary, due the 3rd working day after: 1 October is National Day, the holiday runs to 7 October.
        var calendar = new HolidayCalendar("test", "Test", "测试", "test",
            [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))], [new DateOnly(2026, 10, 10)]);
        var schedule = new TeamSchedule("Asia/Shanghai", new TimeOnly(8, 30),
            new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, calendar, [60]);
        var kinds = RecordKinds.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "record-kinds.json"));

        var september = RecordPeriod.Holding(RecordPeriodKind.Monthly, new DateOnly(2026, 9, 1));

        // Working days after 30 September: 8 (Thu), 9 (Fri), 10 (the make-up Saturday).
        Assert.Equal(new DateOnly(2026, 10, 10), kinds.Find("monthly-summary")!.DueDay(schedule, september));
        Assert.Null(kinds.Find("special-report")!.DueDay(schedule, RecordPeriod.None));
    }
}
