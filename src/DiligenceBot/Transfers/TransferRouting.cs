using DiligenceBot.Localization;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Transfers;

/// <summary>A tenant's transfer settings: the number prefix, the clock that dates the forms, the fallback post.</summary>
public sealed class TransferSettings
{
    /// <summary>Used for a tenant whose settings are missing (only ever seen between a seed's removal and its return).</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    public required string TenantId { get; set; }
    /// <summary>The first part of every number, e.g. "XX" (信息) in XX-2026-000123.</summary>
    public required string NumberPrefix { get; set; }
    /// <summary>IANA time zone in which the year of a number and the times on the cards are read.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Where a form goes when its category's post is missing, inactive or has nobody in it.</summary>
    public required string FallbackPostId { get; set; }
    /// <summary>The seed entry as last applied: the file wins only when it changes, so table edits otherwise stand.</summary>
    public string? SeededJson { get; set; }
}

/// <summary>
/// A receiving post (department or role) such as logistics or customer service: the people in it, who may each
/// acknowledge, handle or forward its forms; its lead, who may do the same and to whom late forms are escalated;
/// and its working time, in which the deadlines are counted.
/// </summary>
public sealed class TransferPost
{
    public required string Id { get; set; }
    public required string TenantId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public string? LeadId { get; set; }
    public List<string> MemberIds { get; set; } = [];
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Start and end of the working day, local; both null = the whole of each working day counts.</summary>
    public TimeOnly? WorkStart { get; set; }
    public TimeOnly? WorkEnd { get; set; }
    /// <summary>0 = Sunday … 6 = Saturday, before holidays and make-up days.</summary>
    public List<int> WorkingDays { get; set; } = [1, 2, 3, 4, 5];
    /// <summary>seeds/calendars/{id}.json, e.g. cn-mainland; null = weekdays alone.</summary>
    public string? HolidayCalendarId { get; set; }
    public bool Active { get; set; } = true;
    public string? SeededJson { get; set; }

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    /// <summary>May act on the post's forms: a member or the post's lead.</summary>
    public bool IsReceiver(string personId) => MemberIds.Contains(personId) || LeadId == personId;

    public WorkingTime WorkingTime(HolidayCalendars calendars) =>
        new(TimeZone, WorkStart, WorkEnd, WorkingDays.Select(d => (DayOfWeek)d).ToHashSet(), calendars.Find(HolidayCalendarId));
}

/// <summary>A category of information, the post it goes to, and its deadlines per urgency (working hours).</summary>
public sealed class TransferCategory
{
    public required string Id { get; set; }
    public required string TenantId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public required string PostId { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
    public TransferDeadlines Normal { get; set; } = new();
    public TransferDeadlines Urgent { get; set; } = new();
    public string? SeededJson { get; set; }

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    public TransferDeadlines For(TransferUrgency urgency) => urgency == TransferUrgency.Urgent ? Urgent : Normal;
}

/// <summary>
/// Working hours after sending (or forwarding, or reopening): not acknowledged within <see cref="RemindAfterHours"/>,
/// the receivers are reminded; within <see cref="EscalateAfterHours"/>, the post's lead is told; not handled within
/// <see cref="HandleWithinHours"/>, the post's lead is told. The provider hears of each escalation.
/// </summary>
public sealed class TransferDeadlines
{
    public double RemindAfterHours { get; set; } = 4;
    public double EscalateAfterHours { get; set; } = 8;
    public double HandleWithinHours { get; set; } = 24;
}

internal sealed class TransferSettingsConfiguration : IEntityTypeConfiguration<TransferSettings>
{
    public void Configure(EntityTypeBuilder<TransferSettings> b)
    {
        b.ToTable("TransferSettings");
        b.HasKey(s => s.TenantId);
        b.Property(s => s.TenantId).HasMaxLength(64);
        b.Property(s => s.NumberPrefix).HasMaxLength(8);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Property(s => s.FallbackPostId).HasMaxLength(64);
        b.Property(s => s.SeededJson).HasMaxLength(4000);
    }
}

internal sealed class TransferPostConfiguration : IEntityTypeConfiguration<TransferPost>
{
    public void Configure(EntityTypeBuilder<TransferPost> b)
    {
        b.ToTable("TransferPosts");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(64);
        b.Property(p => p.TenantId).HasMaxLength(64);
        b.Property(p => p.NameEn).HasMaxLength(200);
        b.Property(p => p.NameZh).HasMaxLength(200);
        b.Property(p => p.LeadId).HasMaxLength(64);
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.HolidayCalendarId).HasMaxLength(64);
        b.Property(p => p.SeededJson).HasMaxLength(4000);
        b.HasIndex(p => p.TenantId);
    }
}

internal sealed class TransferCategoryConfiguration : IEntityTypeConfiguration<TransferCategory>
{
    public void Configure(EntityTypeBuilder<TransferCategory> b)
    {
        b.ToTable("TransferCategories");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(64);
        b.Property(c => c.TenantId).HasMaxLength(64);
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.NameZh).HasMaxLength(200);
        b.Property(c => c.PostId).HasMaxLength(64);
        b.Property(c => c.SeededJson).HasMaxLength(4000);
        b.ComplexProperty(c => c.Normal, d =>
        {
            d.Property(x => x.RemindAfterHours).HasColumnName("NormalRemindAfterHours");
            d.Property(x => x.EscalateAfterHours).HasColumnName("NormalEscalateAfterHours");
            d.Property(x => x.HandleWithinHours).HasColumnName("NormalHandleWithinHours");
        });
        b.ComplexProperty(c => c.Urgent, d =>
        {
            d.Property(x => x.RemindAfterHours).HasColumnName("UrgentRemindAfterHours");
            d.Property(x => x.EscalateAfterHours).HasColumnName("UrgentEscalateAfterHours");
            d.Property(x => x.HandleWithinHours).HasColumnName("UrgentHandleWithinHours");
        });
        b.HasIndex(c => c.TenantId);
    }
}
