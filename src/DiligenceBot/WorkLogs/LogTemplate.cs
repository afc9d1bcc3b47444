using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.WorkLogs;

/// <summary>
/// What a team's daily work log asks for: fields with type, required flag, limits and labels in both languages.
/// Seeded from <c>seeds/log-templates.json</c>; an admin edits that file (applied at start-up) or the table.
/// </summary>
public sealed class LogTemplate
{
    public required string Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public List<LogField> Fields { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The template as a team with this log setting reads it: each field's wording for what the log covers (see
    /// <see cref="LogField.PreviousDay"/>). A copy; the stored template is unchanged.
    /// </summary>
    public LogTemplate For(LogCoverage covers) => new()
    {
        Id = Id,
        NameEn = NameEn,
        NameZh = NameZh,
        UpdatedAt = UpdatedAt,
        Fields = Fields.Select(f => f.For(covers)).ToList(),
    };

    /// <summary>The registered customers a log's values (typed or stored) pick in its customers fields.</summary>
    public IReadOnlyList<long> CustomerIds(IReadOnlyDictionary<string, string> values) =>
        [.. Fields.Where(f => f.Type == LogFieldTypes.Customers).SelectMany(f => Customers.CustomerPicks.Read(values, f.Key).Ids).Distinct()];
}

public static class LogFieldTypes
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Choice = "choice";
    public const string Date = "date";
    /// <summary>
    /// Customers picked from the manager's own register with Teams' type-ahead, plus free text for shops not registered
    /// yet (stored as <see cref="Customers.CustomerPicks"/>); a log written before the field became one keeps its text.
    /// </summary>
    public const string Customers = "customers";
}

/// <summary>One field of a log template.</summary>
public sealed class LogField
{
    public required string Key { get; set; }
    public required string Type { get; set; }
    public bool Required { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public bool Multiline { get; set; }
    public required string LabelEn { get; set; }
    public required string LabelZh { get; set; }
    public string? PlaceholderEn { get; set; }
    public string? PlaceholderZh { get; set; }
    /// <summary>A number's unit as the trade says it (e.g. "cases" / "箱"), shown after its label and value.</summary>
    public string? UnitEn { get; set; }
    public string? UnitZh { get; set; }
    public List<LogChoice> Choices { get; set; } = [];

    /// <summary>
    /// The wording when the team's log covers the previous working day (written before the meeting): the plan in that
    /// log is today's. Null: the field reads the same whatever the log covers.
    /// </summary>
    public LogFieldWording? PreviousDay { get; set; }

    /// <summary>The wording when the team's log covers the day itself (written in the evening): the plan is the next working day's.</summary>
    public LogFieldWording? SameDay { get; set; }

    /// <summary>This field with the wording for what the log covers in place of its own (a copy).</summary>
    public LogField For(LogCoverage covers)
    {
        var wording = covers == LogCoverage.SameDay ? SameDay : PreviousDay;
        if (wording is null)
        {
            return this;
        }

        var copy = (LogField)MemberwiseClone();
        copy.LabelEn = wording.LabelEn;
        copy.LabelZh = wording.LabelZh;
        copy.PlaceholderEn = wording.PlaceholderEn ?? PlaceholderEn;
        copy.PlaceholderZh = wording.PlaceholderZh ?? PlaceholderZh;
        return copy;
    }

    public string Label(Language language) => language == Language.ZhCn ? LabelZh : LabelEn;

    public string? Unit(Language language) => language == Language.ZhCn ? UnitZh : UnitEn;

    /// <summary>The label with its unit, if any: "Orders taken (cases)" / "订货量（箱）".</summary>
    public string LabelWithUnit(Language language) => Unit(language) is { Length: > 0 } unit
        ? language == Language.ZhCn ? $"{LabelZh}（{unit}）" : $"{LabelEn} ({unit})"
        : Label(language);

    public string? Placeholder(Language language) => language == Language.ZhCn ? PlaceholderZh : PlaceholderEn;
}

/// <summary>A field's label (and optionally placeholder) in both languages for one log setting.</summary>
public sealed class LogFieldWording
{
    public required string LabelEn { get; set; }
    public required string LabelZh { get; set; }
    public string? PlaceholderEn { get; set; }
    public string? PlaceholderZh { get; set; }
}

public sealed class LogChoice
{
    public required string Value { get; set; }
    public required string En { get; set; }
    public required string Zh { get; set; }

    public string Title(Language language) => language == Language.ZhCn ? Zh : En;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(List<LogField>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(LogTemplateSeedFile))]
internal sealed partial class WorkLogJsonContext : JsonSerializerContext;

internal sealed class LogTemplateSeedFile
{
    public List<LogTemplateSeedEntry> Templates { get; set; } = [];
}

internal sealed class LogTemplateSeedEntry
{
    public required string Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public List<LogField> Fields { get; set; } = [];
}

internal sealed class LogTemplateConfiguration : IEntityTypeConfiguration<LogTemplate>
{
    public void Configure(EntityTypeBuilder<LogTemplate> b)
    {
        b.ToTable("LogTemplates");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(64);
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.NameZh).HasMaxLength(200);
        b.Property(t => t.Fields).HasConversion(
            v => JsonSerializer.Serialize(v, WorkLogJsonContext.Default.ListLogField),
            v => JsonSerializer.Deserialize(v, WorkLogJsonContext.Default.ListLogField) ?? new List<LogField>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<LogField>>(
                (a, c) => JsonSerializer.Serialize(a, WorkLogJsonContext.Default.ListLogField) == JsonSerializer.Serialize(c, WorkLogJsonContext.Default.ListLogField),
                v => JsonSerializer.Serialize(v, WorkLogJsonContext.Default.ListLogField).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize(JsonSerializer.Serialize(v, WorkLogJsonContext.Default.ListLogField), WorkLogJsonContext.Default.ListLogField)!));
    }
}
