using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Localization;
using DiligenceBot.Scheduling;

namespace DiligenceBot.Records;

/// <summary>How often a kind of record is owed: once per month, quarter or half-year, or whenever there is one (none).</summary>
public enum RecordPeriodKind { None, Monthly, Quarterly, HalfYear }

/// <summary>
/// One period a record covers: a month (2026-11), a quarter (2026-Q4) or a half-year (2026-H2), from its first day to its
/// last; <see cref="None"/> for kinds without a period. <see cref="Key"/> is what is stored and what card data carries.
/// </summary>
public readonly record struct RecordPeriod(RecordPeriodKind Kind, DateOnly First, DateOnly Last)
{
    public static readonly RecordPeriod None = new(RecordPeriodKind.None, default, default);

    public string Key => Kind switch
    {
        RecordPeriodKind.Monthly => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        RecordPeriodKind.Quarterly => $"{First.Year}-Q{((First.Month - 1) / 3) + 1}",
        RecordPeriodKind.HalfYear => $"{First.Year}-H{(First.Month <= 6 ? 1 : 2)}",
        _ => string.Empty,
    };

    /// <summary>The period of this kind that holds the day.</summary>
    public static RecordPeriod Holding(RecordPeriodKind kind, DateOnly day)
    {
        var months = kind switch { RecordPeriodKind.Monthly => 1, RecordPeriodKind.Quarterly => 3, RecordPeriodKind.HalfYear => 6, _ => 0 };
        if (months == 0)
        {
            return None;
        }

        var first = new DateOnly(day.Year, (((day.Month - 1) / months) * months) + 1, 1);
        return new RecordPeriod(kind, first, first.AddMonths(months).AddDays(-1));
    }

    /// <summary>The key as a card shows it for the user to type after (non-breaking hyphen, so it never breaks; typed back, it reads the same).</summary>
    public string Example => Key.Replace('-', '\u2011');

    /// <summary>The period before this one (of the same kind).</summary>
    public RecordPeriod Previous => Kind == RecordPeriodKind.None ? this : Holding(Kind, First.AddDays(-1));

    /// <summary>Reads a period as typed or stored: 2026-11, 2026-Q4, 2026-H2 (letters in either case, full-width digits too).</summary>
    public static bool TryParse(RecordPeriodKind kind, string? text, out RecordPeriod period)
    {
        period = None;
        if (kind == RecordPeriodKind.None)
        {
            return string.IsNullOrWhiteSpace(text);
        }

        var t = Input.UserText.Words(text).ToUpperInvariant().Replace('－', '-').Replace('\u2011', '-').Replace(' ', '-');
        var dash = t.IndexOf('-', StringComparison.Ordinal);
        if (dash != 4 || !int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            return false;
        }

        var rest = t[5..];
        int month;
        switch (kind)
        {
            case RecordPeriodKind.Monthly when rest.Length is 1 or 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12:
                month = m;
                break;
            case RecordPeriodKind.Quarterly when rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4':
                month = ((rest[1] - '1') * 3) + 1;
                break;
            case RecordPeriodKind.HalfYear when rest.Length == 2 && rest[0] == 'H' && rest[1] is '1' or '2':
                month = rest[1] == '1' ? 1 : 7;
                break;
            default:
                return false;
        }

        period = Holding(kind, new DateOnly(year, month, 1));
        return true;
    }

    /// <summary>How the period reads on a card: 2026年11月 / November 2026, 2026年第4季度 / Q4 2026, 2026年下半年 / H2 2026.</summary>
    public string Name(Language language) => Kind switch
    {
        RecordPeriodKind.Monthly => CardDates.Month(First, language),
        RecordPeriodKind.Quarterly => CardDates.Quarter(First, language),
        RecordPeriodKind.HalfYear => CardDates.HalfYear(First, language),
        _ => Texts.Records.NoPeriod.In(language),
    };
}

/// <summary>A kind of record from seeds/record-kinds.json: its names, its period, by which working day after the period it is due.</summary>
public sealed class RecordKind
{
    public const int MaxIdLength = 40;

    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("nameEn")] public string NameEn { get; set; } = string.Empty;
    [JsonPropertyName("nameZh")] public string NameZh { get; set; } = string.Empty;
    [JsonPropertyName("period")] public string PeriodName { get; set; } = string.Empty;
    /// <summary>Due by the end of this working day after the period ends (team calendar); only for kinds with a period.</summary>
    [JsonPropertyName("dueWorkingDay")] public int? DueWorkingDay { get; set; }
    /// <summary>Every manager owes one per period (counted in the checks, reminded when missing).</summary>
    [JsonPropertyName("required")] public bool Required { get; set; }
    /// <summary>A record of this kind names at least one registered customer.</summary>
    [JsonPropertyName("customersRequired")] public bool CustomersRequired { get; set; }

    [JsonIgnore]
    public RecordPeriodKind Period { get; private set; }

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    /// <summary>The day a period's record of this kind is due: the <see cref="DueWorkingDay"/>th working day after the period (null without a period).</summary>
    public DateOnly? DueDay(TeamSchedule schedule, RecordPeriod period)
    {
        if (period.Kind == RecordPeriodKind.None || DueWorkingDay is not { } n)
        {
            return null;
        }

        return ScheduleMath.WorkingDaysAfter(schedule, period.Last, n);
    }

    internal string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > MaxIdLength || Id.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            return $"id \"{Id}\" must be 1-{MaxIdLength} characters of a-z, 0-9 and -";
        }

        if (string.IsNullOrWhiteSpace(NameEn) || string.IsNullOrWhiteSpace(NameZh) || NameEn.Length > 100 || NameZh.Length > 100)
        {
            return $"{Id}: nameEn and nameZh are required (at most 100 characters)";
        }

        RecordPeriodKind? period = PeriodName switch
        {
            "monthly" => RecordPeriodKind.Monthly,
            "quarterly" => RecordPeriodKind.Quarterly,
            "half-year" => RecordPeriodKind.HalfYear,
            "none" => RecordPeriodKind.None,
            _ => null,
        };
        if (period is not { } p)
        {
            return $"{Id}: period \"{PeriodName}\" must be monthly, quarterly, half-year or none";
        }

        Period = p;
        if (p == RecordPeriodKind.None && (DueWorkingDay is not null || Required))
        {
            return $"{Id}: a kind without a period has no dueWorkingDay and is not required";
        }

        if (p != RecordPeriodKind.None && DueWorkingDay is not (>= 1 and <= 20))
        {
            return $"{Id}: dueWorkingDay must be 1-20 for a kind with a period";
        }

        return null;
    }
}

public sealed class RecordKindsFile
{
    [JsonPropertyName("$comment")] public string? Comment { get; set; }
    [JsonPropertyName("kinds")] public List<RecordKind>? Kinds { get; set; }
}

[JsonSerializable(typeof(RecordKindsFile))]
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class RecordKindsJsonContext : JsonSerializerContext;

/// <summary>The kinds of seeds/record-kinds.json, read once at start-up; a file with any problem stops start-up and says which.</summary>
public sealed class RecordKinds(IReadOnlyList<RecordKind> kinds)
{
    public IReadOnlyList<RecordKind> All => kinds;

    public IEnumerable<RecordKind> Required => kinds.Where(k => k.Required);

    public RecordKind? Find(string? id) => kinds.FirstOrDefault(k => k.Id == id);

    public static RecordKinds Load(string path) => Parse(File.ReadAllText(path), path);

    public static RecordKinds Parse(string json, string source)
    {
        RecordKindsFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, RecordKindsJsonContext.Default.RecordKindsFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{source}: {ex.Message}", ex);
        }

        if (file?.Kinds is not { Count: > 0 } list)
        {
            throw new InvalidOperationException($"{source}: \"kinds\" must list at least one kind of record.");
        }

        var problems = list.Select(k => k.Problem()).OfType<string>().ToList();
        problems.AddRange(list.GroupBy(k => k.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"id \"{g.Key}\" appears {g.Count()} times"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{source}: {string.Join("; ", problems)}.");
        }

        return new RecordKinds(list);
    }
}
