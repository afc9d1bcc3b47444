using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Organisation;

/// <summary>
/// Someone the bot knows: an account manager (member of a team), a lead (of one or more teams), a lead's own
/// manager, an admin. Identified in Teams by tenant + Microsoft Entra object id.
/// </summary>
public sealed class Person
{
    /// <summary>Stable key from the seeds or the directory sync (e.g. "wang-lei").</summary>
    public required string Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>Microsoft Entra object id, lower-case GUID.</summary>
    public required string AadObjectId { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    /// <summary>The team this person works in as an account manager; null for leads who only lead.</summary>
    public string? TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>The person this one reports to beyond their team lead (a lead's own manager).</summary>
    public string? ReportsToId { get; set; }
    public bool IsAdmin { get; set; }
    /// <summary>Preferred locale from the directory (zh-CN / en-US); Teams' locale wins when present.</summary>
    public string? Locale { get; set; }
    /// <summary>
    /// When the directory stopped listing this person (left the company or every configured group). A person who left
    /// is deactivated, never deleted: their records stay, they belong to no team (so no reminder reaches them) and the
    /// bot treats them as a stranger.
    /// </summary>
    public DateTimeOffset? LeftAt { get; set; }
    /// <summary>The Entra groups that put this person in the directory (Graph sync); None for people from the seeds.</summary>
    public DirectoryRoles Roles { get; set; }
}

/// <summary>The configured Entra groups a person is a member of.</summary>
[Flags]
public enum DirectoryRoles
{
    None = 0,
    Manager = 1,
    Lead = 2,
    Admin = 4,
}

/// <summary>What a team's daily work log reports on, which decides when it is due.</summary>
public enum LogCoverage
{
    /// <summary>The previous working day (visits, customers, volume, information) and today's plan, due at the start of the meeting; the default.</summary>
    PreviousWorkingDay,
    /// <summary>The day itself, due at the team's <see cref="Team.LogDueTime"/> that day (teams that log in the evening).</summary>
    SameDay,
}

/// <summary>A sales team: its lead, daily meeting and time zone.</summary>
public sealed class Team
{
    public required string Id { get; set; }
    public required string TenantId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public string? LeadId { get; set; }
    public Person? Lead { get; set; }
    /// <summary>Start of the daily team meeting, local time.</summary>
    public TimeOnly MeetingTime { get; set; } = new(8, 30);
    /// <summary>IANA time zone id, e.g. Asia/Shanghai.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public List<Person> Members { get; set; } = [];
    /// <summary>The daily work log template the team uses.</summary>
    public string? LogTemplateId { get; set; }
    /// <summary>People who may review the team's logs besides the lead.</summary>
    public List<string> DelegateIds { get; set; } = [];
    /// <summary>Days of the week the team works (0 = Sunday … 6 = Saturday), before holidays and make-up days.</summary>
    public List<int> WorkingDays { get; set; } = [1, 2, 3, 4, 5];
    /// <summary>The holiday calendar (seeds/calendars/{id}.json), e.g. cn-mainland; null = weekdays only.</summary>
    public string? HolidayCalendarId { get; set; }
    /// <summary>Minutes before the log is due at which managers without a log are reminded.</summary>
    public List<int> ReminderOffsets { get; set; } = [60, 15];
    /// <summary>What a daily log covers and so when it is due (see <see cref="LogCoverage"/>).</summary>
    public LogCoverage LogCovers { get; set; } = LogCoverage.PreviousWorkingDay;
    /// <summary>Local time a <see cref="LogCoverage.SameDay"/> log is due on its own day (e.g. 18:00); unused otherwise.</summary>
    public TimeOnly? LogDueTime { get; set; }
    /// <summary>The day of each month by which the managers owe next month's marketing plan (1–28).</summary>
    public int PlanDueDay { get; set; } = 25;

    /// <summary>The team's calendar date at <paramref name="instant"/>, in its time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        Scheduling.ScheduleMath.LocalDate(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), instant);

    /// <summary>True when <paramref name="personId"/> may review this team's logs.</summary>
    public bool IsReviewer(string personId) => LeadId == personId || DelegateIds.Contains(personId);
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(64);
        b.Property(p => p.TenantId).HasMaxLength(64);
        b.Property(p => p.AadObjectId).HasMaxLength(64);
        b.Property(p => p.DisplayName).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(256);
        b.Property(p => p.TeamId).HasMaxLength(64);
        b.Property(p => p.ReportsToId).HasMaxLength(64);
        b.Property(p => p.Locale).HasMaxLength(16);
        b.HasIndex(p => new { p.TenantId, p.AadObjectId }).IsUnique();
        b.HasOne(p => p.Team).WithMany(t => t.Members).HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.ReportsToId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("Teams");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(64);
        b.Property(t => t.TenantId).HasMaxLength(64);
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.NameZh).HasMaxLength(200);
        b.Property(t => t.LeadId).HasMaxLength(64);
        b.Property(t => t.TimeZone).HasMaxLength(64);
        b.Property(t => t.LogTemplateId).HasMaxLength(64);
        b.Property(t => t.HolidayCalendarId).HasMaxLength(64);
        b.Property(t => t.LogCovers).HasConversion<string>().HasMaxLength(32);
        // Existing teams get the default plan day too.
        b.Property(t => t.PlanDueDay).HasDefaultValue(25);
        b.HasIndex(t => t.TenantId);
        b.HasOne(t => t.Lead).WithMany().HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.Restrict);
    }
}
