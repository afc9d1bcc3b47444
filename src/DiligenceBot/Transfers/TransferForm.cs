using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Transfers;

/// <summary>Where an information transfer form is in its life.</summary>
public enum TransferState
{
    /// <summary>Numbered and routed to a post; nobody there has acknowledged it yet.</summary>
    Sent,
    /// <summary>A receiver acknowledged it (the time received is stamped); handling is due.</summary>
    Acknowledged,
    /// <summary>Handled with an opinion; the feedback is with the provider.</summary>
    Handled,
    /// <summary>The provider was not satisfied and sent it back once, with a reason; handling is due again.</summary>
    Reopened,
    /// <summary>The provider rated the handling and closed it. Final.</summary>
    Closed,
}

public enum TransferUrgency
{
    Normal,
    Urgent,
}

/// <summary>The steps of a form's life; each one is a row in <see cref="TransferStep"/> and an audit entry.</summary>
public enum TransferStepKind
{
    Submitted,
    Acknowledged,
    Handled,
    Forwarded,
    Reopened,
    Closed,
}

/// <summary>
/// An information transfer form (信息传递表): what an account manager picked up in the field, passed to the post
/// that must act on it. Carries the paper form's fields (number, provider, time sent, category, content, suggestion
/// or request, receiver, time received, handling opinion, feedback), the urgency, an optional related customer,
/// the deadlines of the current post and the evaluations (the provider's rating of the handling, the lead's rating
/// of the information's value).
/// </summary>
public sealed class TransferForm
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }

    /// <summary>e.g. XX-2026-000123: the tenant's prefix, the year, the sequence within that year.</summary>
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }

    /// <summary>Identifies the form card the provider filled in, so the same submission delivered twice is one form.</summary>
    public Guid DraftId { get; set; }

    public required string ProviderId { get; set; }
    /// <summary>The provider's team when sent: its lead checks the team's forms daily and rates their value.</summary>
    public string? ProviderTeamId { get; set; }
    public required string CategoryId { get; set; }
    public TransferUrgency Urgency { get; set; }
    public required string Content { get; set; }
    /// <summary>The provider's suggestion or request (建议或要求).</summary>
    public string? Request { get; set; }
    /// <summary>The retail customer the information is about, if any (free text: the shop's name or licence number).</summary>
    public string? Customer { get; set; }

    /// <summary>The post that has the form now (changes when forwarded).</summary>
    public required string PostId { get; set; }
    public TransferState State { get; set; }
    /// <summary>Goes up with every step; a card carries the revision it shows, so a stale card cannot act.</summary>
    public int Revision { get; set; }

    public DateTimeOffset SentAt { get; set; }
    /// <summary>When the current post acknowledged it (cleared when forwarded to another post).</summary>
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? ReceivedById { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandledById { get; set; }
    public string? HandlingOpinion { get; set; }
    /// <summary>What the handler tells the provider (反馈).</summary>
    public string? Feedback { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The provider's rating of the handling, 1–5, given when closing.</summary>
    public int? HandlingRating { get; set; }
    public string? ClosingComment { get; set; }
    public int ReopenCount { get; set; }
    public string? ReopenReason { get; set; }

    /// <summary>The provider's lead's rating of the information's value, 1–5.</summary>
    public int? ValueRating { get; set; }
    public string? ValueRatedById { get; set; }
    public DateTimeOffset? ValueRatedAt { get; set; }

    /// <summary>Deadlines of the current post, in working time: acknowledge by (else the receivers are reminded)…</summary>
    public DateTimeOffset AckDueAt { get; set; }
    /// <summary>…still not acknowledged by this → escalated to the post's lead…</summary>
    public DateTimeOffset AckEscalateAt { get; set; }
    /// <summary>…not handled by this → escalated to the post's lead.</summary>
    public DateTimeOffset HandleDueAt { get; set; }
    /// <summary>Set when the deadline job acted, so each deadline fires once per post (reset when forwarded or reopened).</summary>
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? AckEscalatedAt { get; set; }
    public DateTimeOffset? HandleEscalatedAt { get; set; }

    /// <summary>Changes on every write: a second writer with stale data fails instead of overwriting.</summary>
    public Guid ConcurrencyStamp { get; set; }
    public List<TransferStep> Steps { get; set; } = [];

    /// <summary>Open = still with a post (waiting for acknowledgement or handling).</summary>
    public bool IsOpen => State is TransferState.Sent or TransferState.Acknowledged or TransferState.Reopened;
}

/// <summary>One step of a form, taken from the card of one revision (unique per form and revision: no step twice).</summary>
public sealed class TransferStep
{
    public long Id { get; set; }
    public Guid FormId { get; set; }
    /// <summary>The revision the step was taken on; the form's revision after it is this plus one.</summary>
    public int FromRevision { get; set; }
    public TransferStepKind Kind { get; set; }
    public required string ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The post the form was with before the step, and where it went (submission and forwarding).</summary>
    public string? FromPostId { get; set; }
    public string? ToPostId { get; set; }
    /// <summary>The handling opinion, the forwarding or reopening reason, the closing comment.</summary>
    public string? Text { get; set; }
    public int? Rating { get; set; }
    public string? SourceActivityId { get; set; }
}

/// <summary>The last number given in a tenant's year; incremented only in the transaction that stores a valid form.</summary>
public sealed class TransferCounter
{
    public required string TenantId { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}

internal sealed class TransferFormConfiguration : IEntityTypeConfiguration<TransferForm>
{
    public void Configure(EntityTypeBuilder<TransferForm> b)
    {
        b.ToTable("TransferForms");
        b.HasKey(f => f.Id);
        b.Property(f => f.TenantId).HasMaxLength(64);
        b.Property(f => f.Number).HasMaxLength(32);
        b.Property(f => f.ProviderId).HasMaxLength(64);
        b.Property(f => f.ProviderTeamId).HasMaxLength(64);
        b.Property(f => f.CategoryId).HasMaxLength(64);
        b.Property(f => f.PostId).HasMaxLength(64);
        b.Property(f => f.ReceivedById).HasMaxLength(64);
        b.Property(f => f.HandledById).HasMaxLength(64);
        b.Property(f => f.ValueRatedById).HasMaxLength(64);
        b.Property(f => f.Urgency).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.State).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Content).HasMaxLength(TransferLimits.Content);
        b.Property(f => f.Request).HasMaxLength(TransferLimits.Request);
        b.Property(f => f.Customer).HasMaxLength(TransferLimits.Customer);
        b.Property(f => f.HandlingOpinion).HasMaxLength(TransferLimits.Opinion);
        b.Property(f => f.Feedback).HasMaxLength(TransferLimits.Reason);
        b.Property(f => f.ClosingComment).HasMaxLength(TransferLimits.Reason);
        b.Property(f => f.ReopenReason).HasMaxLength(TransferLimits.Reason);
        b.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(f => f.IsOpen);
        // The number is the form's identity on paper: unique per tenant, and so is (year, sequence).
        b.HasIndex(f => new { f.TenantId, f.Number }).IsUnique();
        b.HasIndex(f => new { f.TenantId, f.Year, f.Sequence }).IsUnique();
        // The same card submitted twice (Teams re-sends, double clicks) must lose here, not make a second form.
        b.HasIndex(f => new { f.TenantId, f.DraftId }).IsUnique();
        b.HasIndex(f => new { f.ProviderId, f.SentAt });
        b.HasIndex(f => new { f.ProviderTeamId, f.SentAt });
        b.HasIndex(f => new { f.PostId, f.State });
        // The deadline job's three questions.
        b.HasIndex(f => new { f.State, f.AckDueAt });
        b.HasIndex(f => new { f.State, f.AckEscalateAt });
        b.HasIndex(f => new { f.State, f.HandleDueAt });
        b.HasMany(f => f.Steps).WithOne().HasForeignKey(s => s.FormId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransferStepConfiguration : IEntityTypeConfiguration<TransferStep>
{
    public void Configure(EntityTypeBuilder<TransferStep> b)
    {
        b.ToTable("TransferSteps");
        b.HasKey(s => s.Id);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.ActorId).HasMaxLength(64);
        b.Property(s => s.FromPostId).HasMaxLength(64);
        b.Property(s => s.ToPostId).HasMaxLength(64);
        b.Property(s => s.Text).HasMaxLength(TransferLimits.Opinion);
        b.Property(s => s.SourceActivityId).HasMaxLength(256);
        // One step per revision: two people (or two deliveries) acting on the same card cannot both win.
        b.HasIndex(s => new { s.FormId, s.FromRevision }).IsUnique();
    }
}

internal sealed class TransferCounterConfiguration : IEntityTypeConfiguration<TransferCounter>
{
    public void Configure(EntityTypeBuilder<TransferCounter> b)
    {
        b.ToTable("TransferCounters");
        b.HasKey(c => new { c.TenantId, c.Year });
        b.Property(c => c.TenantId).HasMaxLength(64);
    }
}

/// <summary>How long each text may be (the cards' maxLength, the validation and the columns agree).</summary>
public static class TransferLimits
{
    public const int Content = 1000;
    public const int Request = 500;
    public const int Customer = 100;
    public const int Opinion = 1000;
    public const int Reason = 500;
}
