using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Meetings;

/// <summary>The meetings of the article's rhythm whose minutes a lead keeps.</summary>
public enum MeetingKind
{
    Daily,
    Weekly,
    Monthly,
    Special,
    /// <summary>A training session or study visit: it names the training topics it covered and its hours.</summary>
    Training,
}

/// <summary>How a training was given: a session (in a meeting room, a 1:1) or a study visit somewhere else.</summary>
public enum TrainingFormat
{
    Session,
    StudyVisit,
}

/// <summary>Where an action item is: open (the owner's to do), blocked (open, with the owner's note why), done (final).</summary>
public enum ActionItemState
{
    Open,
    Blocked,
    Done,
}

/// <summary>
/// The minutes of one team meeting (会议纪要), recorded by the team's lead or a delegate: the date and kind, who
/// attended (and why the others did not), the topics and decisions, the action items; for a training, the training
/// topics covered, the hours and, for a study visit, where. The lead's own manager checks them with a comment.
/// </summary>
public sealed class MeetingMinutes
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    /// <summary>Identifies the form card the minutes were written on: the same card sent twice is one record.</summary>
    public Guid DraftId { get; set; }
    public DateOnly MeetingDate { get; set; }
    public MeetingKind Kind { get; set; }
    public required string RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string Topics { get; set; }
    public string? Decisions { get; set; }

    /// <summary>The training topics (ids of seeds/training-topics.json) a training covered; empty for other meetings.</summary>
    public List<string> TrainingTopicIds { get; set; } = [];
    public TrainingFormat? TrainingFormat { get; set; }
    /// <summary>Where a study visit went.</summary>
    public string? StudyVisitPlace { get; set; }
    /// <summary>How long a training lasted, in hours: what each attendee's training record counts.</summary>
    public double? TrainingHours { get; set; }

    /// <summary>Who checks the minutes: the team lead's own manager when they were recorded (null when the lead reports to nobody).</summary>
    public string? CheckerId { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
    public string? CheckComment { get; set; }

    /// <summary>1 when recorded, 2 once checked: a card carries the revision it shows, so a stale card cannot act.</summary>
    public int Revision { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];
}

/// <summary>One team member on a meeting's attendance list: present, or absent with the reason.</summary>
public sealed class MeetingAttendance
{
    public long Id { get; set; }
    public Guid MinutesId { get; set; }
    public required string PersonId { get; set; }
    public bool Present { get; set; }
    public string? AbsenceReason { get; set; }
}

/// <summary>
/// An arrangement made at a meeting (the article: after minutes go out, their execution is followed up): its owner
/// in the team, due date and text. The owner is reminded on the due day and marks it done or blocked with a note;
/// still open after its due day, it goes to the lead and into the lead's pre-meeting digest.
/// </summary>
public sealed class ActionItem
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public Guid MinutesId { get; set; }
    public required string TeamId { get; set; }
    /// <summary>Its place on the minutes (1, 2, …).</summary>
    public int Number { get; set; }
    public required string OwnerId { get; set; }
    public DateOnly DueDate { get; set; }
    public required string Text { get; set; }
    public ActionItemState State { get; set; }
    /// <summary>The owner's note when marking it done or blocked.</summary>
    public string? Note { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>The due day's start of work (the team's meeting time) and the end of the due day, in the team's zone.</summary>
    public DateTimeOffset RemindAt { get; set; }
    public DateTimeOffset OverdueAt { get; set; }
    /// <summary>Set when the job sent the due-day reminder / told the lead it is overdue: each happens once.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? OverdueNotifiedAt { get; set; }

    /// <summary>Goes up with every change; a card carries the revision it shows.</summary>
    public int Revision { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public bool IsOpen => State != ActionItemState.Done;
}

/// <summary>How long each text may be (the cards' maxLength, the validation and the columns agree).</summary>
public static class MinutesLimits
{
    public const int Topics = 2000;
    public const int Decisions = 2000;
    public const int Reason = 200;
    public const int ActionText = 500;
    public const int Note = 500;
    public const int Place = 200;
    public const int CheckComment = 1000;
    /// <summary>Action item rows a form can have (it starts with <see cref="FirstRows"/> and grows on request).</summary>
    public const int MaxRows = 10;
    public const int FirstRows = 2;
    public const double MinHours = 0.5;
    public const double MaxHours = 24;
}

internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> b)
    {
        b.ToTable("MeetingMinutes");
        b.HasKey(m => m.Id);
        b.Property(m => m.TenantId).HasMaxLength(64);
        b.Property(m => m.TeamId).HasMaxLength(64);
        b.Property(m => m.RecordedById).HasMaxLength(64);
        b.Property(m => m.CheckerId).HasMaxLength(64);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.TrainingFormat).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Topics).HasMaxLength(MinutesLimits.Topics);
        b.Property(m => m.Decisions).HasMaxLength(MinutesLimits.Decisions);
        b.Property(m => m.StudyVisitPlace).HasMaxLength(MinutesLimits.Place);
        b.Property(m => m.CheckComment).HasMaxLength(MinutesLimits.CheckComment);
        b.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        // The same card submitted twice (Teams re-sends, double clicks) must lose here, not make second minutes.
        b.HasIndex(m => new { m.TenantId, m.DraftId }).IsUnique();
        b.HasIndex(m => new { m.TeamId, m.MeetingDate });
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MinutesId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.ActionItems).WithOne().HasForeignKey(a => a.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.ToTable("MeetingAttendance");
        b.HasKey(a => a.Id);
        b.Property(a => a.PersonId).HasMaxLength(64);
        b.Property(a => a.AbsenceReason).HasMaxLength(MinutesLimits.Reason);
        b.HasIndex(a => new { a.MinutesId, a.PersonId }).IsUnique();
        // A manager's training record reads their attendance.
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.ToTable("ActionItems");
        b.HasKey(a => a.Id);
        b.Property(a => a.TenantId).HasMaxLength(64);
        b.Property(a => a.TeamId).HasMaxLength(64);
        b.Property(a => a.OwnerId).HasMaxLength(64);
        b.Property(a => a.Text).HasMaxLength(MinutesLimits.ActionText);
        b.Property(a => a.Note).HasMaxLength(MinutesLimits.Note);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(a => a.IsOpen);
        b.HasIndex(a => new { a.MinutesId, a.Number }).IsUnique();
        b.HasIndex(a => new { a.OwnerId, a.State });
        b.HasIndex(a => new { a.TeamId, a.State });
        // The job's two questions.
        b.HasIndex(a => new { a.State, a.RemindAt });
        b.HasIndex(a => new { a.State, a.OverdueAt });
    }
}
