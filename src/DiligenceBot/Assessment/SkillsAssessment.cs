using DiligenceBot.Localization;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Assessment;

/// <summary>
/// One manager's half-year skills assessment as the lead completed it: each skill area (the six training topics and the
/// article's other half-year areas) rated 1–5 with the evidence, the quiz's score per topic when a quiz was answered, and
/// which areas came out weak. One per manager and half-year; the lead may submit it again (a revision, audited).
/// </summary>
public sealed class SkillsAssessment
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>2026-H2 (<see cref="RecordPeriod.Key"/> of a half-year).</summary>
    public required string HalfKey { get; set; }
    /// <summary>The half-year's year, for the yearly review's query.</summary>
    public int Year { get; set; }
    public required string RatedById { get; set; }
    public DateTimeOffset RatedAt { get; set; }
    /// <summary>1 when first completed; each submission after it adds one.</summary>
    public int Revision { get; set; }
    /// <summary>The answered quiz whose scores the result shows (null without a quiz).</summary>
    public Guid? QuizId { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public List<SkillsAreaResult> Areas { get; set; } = [];

    public RecordPeriod Half => RecordPeriod.TryParse(RecordPeriodKind.HalfYear, HalfKey, out var half) ? half : RecordPeriod.None;

    /// <summary>The mean of the ratings, to one decimal (what a list or the yearly review shows in one figure).</summary>
    public decimal Average => Areas.Count == 0 ? 0 : Math.Round((decimal)Areas.Average(a => a.Rating), 1);

    public IEnumerable<SkillsAreaResult> Weak => Areas.Where(a => a.Weak).OrderBy(a => a.Order);
}

/// <summary>One skill area of an assessment: the lead's rating and evidence, the quiz's figures on it (topics only), whether it is weak.</summary>
public sealed class SkillsAreaResult
{
    public long Id { get; set; }
    public Guid AssessmentId { get; set; }
    /// <summary>A training topic's id (seeds/training-topics.json) or another area's (seeds/skills-quiz.json).</summary>
    public required string AreaId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    /// <summary>Whether the area is one of the six training topics (trainings and quiz questions exist for it).</summary>
    public bool IsTopic { get; set; }
    public int Order { get; set; }
    public int Rating { get; set; }
    public required string Evidence { get; set; }
    /// <summary>The quiz's questions on the topic and how many were answered right (null without a quiz or for other areas).</summary>
    public int? QuizAsked { get; set; }
    public int? QuizCorrect { get; set; }
    /// <summary>Rated at or below the weak rating, or the quiz's share right below the pass mark (seeds).</summary>
    public bool Weak { get; set; }

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    /// <summary>The quiz's share right on the topic, 0–100, or null without questions on it.</summary>
    public int? QuizPercent => QuizAsked is > 0 && QuizCorrect is { } right ? (int)Math.Round(100m * right / QuizAsked.Value) : null;
}

/// <summary>
/// A quiz the lead sent a manager for a half-year: the questions drawn (per topic, none the manager was asked before in
/// the same year), the choices the manager made and the score. Answered once; locked after.
/// </summary>
public sealed class SkillsQuiz
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    public required string ManagerId { get; set; }
    public required string HalfKey { get; set; }
    public int Year { get; set; }
    public required string SentById { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>Questions answered right (null until answered).</summary>
    public int? Correct { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public List<SkillsQuizQuestion> Questions { get; set; } = [];

    public bool Answered => AnsweredAt is not null;

    public int Percent => Questions.Count == 0 || Correct is not { } right ? 0 : (int)Math.Round(100m * right / Questions.Count);
}

/// <summary>A question of a quiz: which question of the bank, the choice the manager made and whether it was right.</summary>
public sealed class SkillsQuizQuestion
{
    public long Id { get; set; }
    public Guid QuizId { get; set; }
    // Tenant, manager and year repeated here so the database itself refuses asking a manager the same question twice a year.
    public required string TenantId { get; set; }
    public required string ManagerId { get; set; }
    public int Year { get; set; }
    public required string QuestionId { get; set; }
    public required string TopicId { get; set; }
    public int Order { get; set; }
    /// <summary>The choice's position in the bank (0-based); null until answered.</summary>
    public int? Chosen { get; set; }
    public bool? Right { get; set; }
}

public static class SkillsLimits
{
    public const int Evidence = 500;
    public const int IdLength = 40;
}

internal sealed class SkillsAssessmentConfiguration : IEntityTypeConfiguration<SkillsAssessment>
{
    public void Configure(EntityTypeBuilder<SkillsAssessment> b)
    {
        b.ToTable("SkillsAssessments");
        b.HasKey(s => s.Id);
        b.Property(s => s.TenantId).HasMaxLength(64);
        b.Property(s => s.TeamId).HasMaxLength(64);
        b.Property(s => s.ManagerId).HasMaxLength(64);
        b.Property(s => s.HalfKey).HasMaxLength(16);
        b.Property(s => s.RatedById).HasMaxLength(64);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(s => s.Half);
        b.Ignore(s => s.Average);
        b.Ignore(s => s.Weak);
        // One per manager and half-year: two leads completing it at once, one of them gets "out of date".
        b.HasIndex(s => new { s.TenantId, s.ManagerId, s.HalfKey }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.ManagerId, s.Year });
        b.HasIndex(s => new { s.TenantId, s.TeamId, s.HalfKey });
        b.HasMany(s => s.Areas).WithOne().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SkillsAreaResultConfiguration : IEntityTypeConfiguration<SkillsAreaResult>
{
    public void Configure(EntityTypeBuilder<SkillsAreaResult> b)
    {
        b.ToTable("SkillsAreaResults");
        b.HasKey(a => a.Id);
        b.Property(a => a.AreaId).HasMaxLength(SkillsLimits.IdLength);
        b.Property(a => a.NameEn).HasMaxLength(100);
        b.Property(a => a.NameZh).HasMaxLength(100);
        b.Property(a => a.Evidence).HasMaxLength(SkillsLimits.Evidence);
        b.Ignore(a => a.QuizPercent);
        b.HasIndex(a => new { a.AssessmentId, a.AreaId }).IsUnique();
    }
}

internal sealed class SkillsQuizConfiguration : IEntityTypeConfiguration<SkillsQuiz>
{
    public void Configure(EntityTypeBuilder<SkillsQuiz> b)
    {
        b.ToTable("SkillsQuizzes");
        b.HasKey(q => q.Id);
        b.Property(q => q.TenantId).HasMaxLength(64);
        b.Property(q => q.TeamId).HasMaxLength(64);
        b.Property(q => q.ManagerId).HasMaxLength(64);
        b.Property(q => q.HalfKey).HasMaxLength(16);
        b.Property(q => q.SentById).HasMaxLength(64);
        b.Property(q => q.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(q => q.Answered);
        b.Ignore(q => q.Percent);
        b.HasIndex(q => new { q.TenantId, q.ManagerId, q.HalfKey });
        b.HasMany(q => q.Questions).WithOne().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SkillsQuizQuestionConfiguration : IEntityTypeConfiguration<SkillsQuizQuestion>
{
    public void Configure(EntityTypeBuilder<SkillsQuizQuestion> b)
    {
        b.ToTable("SkillsQuizQuestions");
        b.HasKey(x => x.Id);
        b.Property(x => x.TenantId).HasMaxLength(64);
        b.Property(x => x.ManagerId).HasMaxLength(64);
        b.Property(x => x.QuestionId).HasMaxLength(SkillsLimits.IdLength);
        b.Property(x => x.TopicId).HasMaxLength(SkillsLimits.IdLength);
        // Each question at most once a year per manager, whatever two leads send at once.
        b.HasIndex(x => new { x.TenantId, x.ManagerId, x.Year, x.QuestionId }).IsUnique();
    }
}
