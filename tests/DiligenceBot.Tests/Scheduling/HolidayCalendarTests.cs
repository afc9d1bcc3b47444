using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>The calendar loader is strict, and the shipped mainland China calendar matches the 2026 notice.</summary>
public sealed class HolidayCalendarTests : IDisposable
{
    private static readonly string CalendarsFolder = Path.Combine(RepoTools.RepoRoot, "seeds", "calendars");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "holiday-calendar-tests-" + Guid.NewGuid().ToString("N"));

    public HolidayCalendarTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ShippedCnMainland_MatchesThe2026Notice()
    {
        var calendar = HolidayCalendar.Load(Path.Combine(CalendarsFolder, "cn-mainland.json"));

        Assert.Equal("cn-mainland", calendar.Id);
        Assert.Equal("中国大陆法定节假日", calendar.NameZh);
        Assert.Contains("2025-11-04", calendar.Source, StringComparison.Ordinal);
        Assert.Equal([2026], calendar.Years);
        // New Year 3 + Spring Festival 9 + Qingming 3 + Labour Day 5 + Dragon Boat 3 + Mid-Autumn 3 + National Day 7.
        Assert.Equal(33, calendar.Holidays.Count);
        Assert.Equal([3, 9, 3, 5, 3, 3, 7], Runs(calendar.Holidays));
        Assert.Equal(
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)],
            calendar.WorkingDays.Order());
        Assert.All(calendar.WorkingDays, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d} is not a weekend day"));
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.Covers(2027));
    }

    [Fact]
    public void Load_ShippedCnMainland_HolidayPeriodsStartWhereTheNoticeSays()
    {
        var calendar = HolidayCalendar.Load(Path.Combine(CalendarsFolder, "cn-mainland.json"));

        DateOnly[] firstDays = [new(2026, 1, 1), new(2026, 2, 15), new(2026, 4, 4), new(2026, 5, 1), new(2026, 6, 19), new(2026, 9, 25), new(2026, 10, 1)];
        Assert.Equal(firstDays, calendar.Holidays.Where(d => !calendar.Holidays.Contains(d.AddDays(-1))).Order());
    }

    [Fact]
    public void LoadDirectory_ShippedSeeds_KeysCalendarsById()
    {
        var calendars = HolidayCalendar.LoadDirectory(CalendarsFolder);

        Assert.True(calendars.ContainsKey("cn-mainland"));
    }

    [Fact]
    public void LoadDirectory_MissingFolder_ReturnsNone() =>
        Assert.Empty(HolidayCalendar.LoadDirectory(Path.Combine(_folder, "absent")));

    [Fact]
    public void LoadDirectory_TwoFilesWithOneId_Throws()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), Calendar("\"2026-01-01\"", ""));
        File.WriteAllText(Path.Combine(_folder, "b.json"), Calendar("\"2026-01-02\"", ""));

        var e = Assert.Throws<InvalidDataException>(() => HolidayCalendar.LoadDirectory(_folder));

        Assert.Contains("b.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReadsDatesOfEveryYear()
    {
        var path = Write("""
            {
              "$comment": "test",
              "id": "x", "nameEn": "X", "nameZh": "X", "source": "test",
              "years": {
                "2026": { "holidays": ["2026-01-01"], "workingDays": ["2026-01-04"] },
                "2027": { "holidays": ["2027-01-01"] }
              }
            }
            """);

        var calendar = HolidayCalendar.Load(path);

        Assert.True(calendar.IsHoliday(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsMakeUpWorkingDay(new DateOnly(2026, 1, 4)));
        Assert.Equal([2026, 2027], calendar.Years);
    }

    [Theory]
    [InlineData("\"2026-02-30\"", "", "2026-02-30")]                 // no such day
    [InlineData("\"2026/02/14\"", "", "2026/02/14")]                 // wrong format
    [InlineData("\"2026-2-14\"", "", "2026-2-14")]                   // not zero-padded
    [InlineData("\"2025-10-01\"", "", "2025-10-01")]                 // filed under the wrong year
    [InlineData("\"2026-10-01\", \"2026-10-01\"", "", "2026-10-01")] // listed twice
    [InlineData("\"2026-10-01\"", "\"2026-10-01\"", "2026-10-01")]   // both holiday and working day
    [InlineData("", "\"26-10-10\"", "26-10-10")]
    public void Load_BadDate_ThrowsNamingFileAndDate(string holidays, string workingDays, string date)
    {
        var path = Write(Calendar(holidays, workingDays));

        var e = Assert.Throws<InvalidDataException>(() => HolidayCalendar.Load(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(date, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "id": "x", "nameEn": "X", "nameZh": "X", "source": "s", "years": { "2026": { "holiday": ["2026-01-01"] } } }""")] // misspelt list
    [InlineData("""{ "nameEn": "X", "nameZh": "X", "source": "s", "years": { "2026": { "holidays": [] } } }""")]                        // no id
    [InlineData("""{ "id": "x", "nameEn": "X", "nameZh": "X", "source": "s", "years": { } }""")]                                         // no year
    [InlineData("""{ "id": "x", "nameEn": "X", "nameZh": "X", "source": "s", "years": { "26": { "holidays": [] } } }""")]               // not a year
    [InlineData("""{ "id": "x", "nameEn": "X", "nameZh": "X", "source": "s", "years": { "2026": { "holidays": [1] } } }""")]            // not a string
    [InlineData("""{ "id": "x", "nameEn": "X", """)]                                                                                    // truncated
    [InlineData("null")]
    public void Load_MalformedFile_ThrowsNamingFile(string json)
    {
        var path = Write(json);

        var e = Assert.Throws<InvalidDataException>(() => HolidayCalendar.Load(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DateBothHolidayAndWorkingDay_Throws()
    {
        var day = new DateOnly(2026, 1, 1);

        Assert.Throws<ArgumentException>(() => new HolidayCalendar("x", "X", "X", "s", [day], [day]));
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Calendar(string holidays, string workingDays) =>
        $$"""{ "id": "x", "nameEn": "X", "nameZh": "X", "source": "s", "years": { "2026": { "holidays": [{{holidays}}], "workingDays": [{{workingDays}}] } } }""";

    // Lengths of the runs of consecutive dates, in date order: one run per holiday period.
    private static List<int> Runs(IEnumerable<DateOnly> days)
    {
        var runs = new List<int>();
        DateOnly? previous = null;
        foreach (var day in days.Order())
        {
            if (previous is { } p && p.AddDays(1) == day)
            {
                runs[^1]++;
            }
            else
            {
                runs.Add(1);
            }

            previous = day;
        }

        return runs;
    }
}
