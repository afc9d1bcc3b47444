using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiligenceBot.Scheduling;

/// <summary>
/// A public holiday calendar: the days off that override a team's weekdays, and the weekend days that are
/// working days to make up for them (调休上班). Loaded from <c>seeds/calendars/{id}.json</c>, which an admin
/// extends each year when the official notice is published.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingDays;
    private readonly SortedSet<int> _years;

    public HolidayCalendar(string id, string nameEn, string nameZh, string source, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(workingDays);
        Id = id;
        NameEn = nameEn ?? string.Empty;
        NameZh = nameZh ?? string.Empty;
        Source = source ?? string.Empty;
        _holidays = [.. holidays];
        _workingDays = [.. workingDays];

        // A date in both sets has no meaning; refusing it here keeps in-code calendars as strict as loaded ones.
        if (FirstClash(_holidays, _workingDays) is { } clash)
        {
            throw new ArgumentException($"{Format(clash)} is both a holiday and a working day in calendar {id}.", nameof(workingDays));
        }

        _years = [.. _holidays.Concat(_workingDays).Select(d => d.Year)];
    }

    public string Id { get; }

    public string NameEn { get; }

    public string NameZh { get; }

    /// <summary>Which official notice the dates come from, so an admin can check them.</summary>
    public string Source { get; }

    /// <summary>Every day off, weekend days inside a holiday period included.</summary>
    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>Days that are working days although they fall on a weekend (make-up days).</summary>
    public IReadOnlySet<DateOnly> WorkingDays => _workingDays;

    /// <summary>The years the calendar lists dates for; other years fall back to the team's weekdays alone.</summary>
    public IReadOnlyCollection<int> Years => _years;

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    public bool IsMakeUpWorkingDay(DateOnly day) => _workingDays.Contains(day);

    /// <summary>Whether the calendar lists the given year, so a caller can warn that next year's notice is missing.</summary>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>Reads one calendar file. Any problem in it is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static HolidayCalendar Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads every <c>*.json</c> calendar in a folder, keyed by calendar id; an absent folder has none.</summary>
    public static IReadOnlyDictionary<string, HolidayCalendar> LoadDirectory(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var calendars = new Dictionary<string, HolidayCalendar>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return calendars;
        }

        // Sorted so that the file named in a duplicate-id error does not depend on the file system's order.
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var calendar = Load(path);
            if (!calendars.TryAdd(calendar.Id, calendar))
            {
                throw new InvalidDataException($"{path}: calendar id '{calendar.Id}' is already used by another file in {folder}.");
            }
        }

        return calendars;
    }

    /// <summary>Parses calendar JSON; <paramref name="fileName"/> only names the origin in error messages.</summary>
    public static HolidayCalendar Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        HolidayCalendarFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, HolidayCalendarJsonContext.Default.HolidayCalendarFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName}: not a valid holiday calendar: {e.Message}", e);
        }

        if (file is null)
        {
            throw new InvalidDataException($"{fileName}: the file is empty.");
        }

        var id = Required(file.Id, "id", fileName);
        var nameEn = Required(file.NameEn, "nameEn", fileName);
        var nameZh = Required(file.NameZh, "nameZh", fileName);
        var source = Required(file.Source, "source", fileName);
        if (file.Years is null || file.Years.Count == 0)
        {
            throw new InvalidDataException($"{fileName}: 'years' lists no year.");
        }

        var holidays = new HashSet<DateOnly>();
        var workingDays = new HashSet<DateOnly>();
        foreach (var (yearKey, year) in file.Years)
        {
            if (yearKey.Length != 4 || !int.TryParse(yearKey, NumberStyles.None, CultureInfo.InvariantCulture, out var yearNumber) || yearNumber < 1900)
            {
                throw new InvalidDataException($"{fileName}: '{yearKey}' is not a year.");
            }

            if (year is null)
            {
                throw new InvalidDataException($"{fileName}: year {yearKey} is empty.");
            }

            AddDates(year.Holidays, yearNumber, "holidays", holidays, fileName);
            AddDates(year.WorkingDays, yearNumber, "workingDays", workingDays, fileName);
        }

        if (FirstClash(holidays, workingDays) is { } day)
        {
            throw new InvalidDataException($"{fileName}: {Format(day)} is listed both as a holiday and as a working day.");
        }

        return new HolidayCalendar(id, nameEn, nameZh, source, holidays, workingDays);
    }

    private static string Required(string? value, string name, string fileName) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{fileName}: '{name}' is missing.") : value;

    private static void AddDates(List<string>? dates, int year, string listName, HashSet<DateOnly> into, string fileName)
    {
        foreach (var text in dates ?? [])
        {
            // Exactly yyyy-MM-dd: an admin typing 2026-2-30 or 02/14/2026 must hear about it, not get a silent guess.
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InvalidDataException($"{fileName}: '{text}' in {year} {listName} is not a date (yyyy-MM-dd).");
            }

            // A date filed under the wrong year is almost always a copy-paste slip from last year's block.
            if (day.Year != year)
            {
                throw new InvalidDataException($"{fileName}: {text} is listed under year {year}.");
            }

            if (!into.Add(day))
            {
                throw new InvalidDataException($"{fileName}: {text} is listed twice in {year} {listName}.");
            }
        }
    }

    private static DateOnly? FirstClash(HashSet<DateOnly> holidays, HashSet<DateOnly> workingDays) =>
        holidays.Where(workingDays.Contains).Order().Select(d => (DateOnly?)d).FirstOrDefault();

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed class HolidayCalendarFile
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; set; }

    public string? Id { get; set; }

    public string? NameEn { get; set; }

    public string? NameZh { get; set; }

    public string? Source { get; set; }

    public Dictionary<string, HolidayCalendarYear?>? Years { get; set; }
}

internal sealed class HolidayCalendarYear
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; set; }

    public List<string>? Holidays { get; set; }

    public List<string>? WorkingDays { get; set; }
}

// Unknown members are refused so that a misspelt list ("holiday", "workdays") fails loudly instead of being ignored.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(HolidayCalendarFile))]
internal sealed partial class HolidayCalendarJsonContext : JsonSerializerContext;
