using DiligenceBot.Audit;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Reviews;

public enum ReviewDecision
{
    Approved,
    Returned,
}

/// <summary>One decision of the team's lead (or a delegate) on one revision of a record: the three-part comment and the rating.</summary>
public interface IReviewRecord
{
    int RevisionNumber { get; }
    string ReviewerId { get; }
    ReviewDecision Decision { get; }
    string? Evaluation { get; }
    string? Requirement { get; }
    string? Suggestion { get; }
    int? QualityRating { get; }
    DateTimeOffset DecidedAt { get; }
}

/// <summary>The stored decision, the same columns for every record kind (each kind's table adds the key of its record).</summary>
public abstract class ReviewRecord : IReviewRecord
{
    public long Id { get; set; }
    public int RevisionNumber { get; set; }
    public required string ReviewerId { get; set; }
    public ReviewDecision Decision { get; set; }
    public string? Evaluation { get; set; }
    public string? Requirement { get; set; }
    public string? Suggestion { get; set; }
    public int? QualityRating { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>The columns of a kind's review table: lengths, the decision as text.</summary>
    public static void Configure<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b) where T : ReviewRecord
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.ReviewerId).HasMaxLength(64);
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Evaluation).HasMaxLength(LeadReview.CommentMaxLength);
        b.Property(r => r.Requirement).HasMaxLength(LeadReview.CommentMaxLength);
        b.Property(r => r.Suggestion).HasMaxLength(LeadReview.CommentMaxLength);
    }
}

/// <summary>The three-part comment as checked (null parts were left empty) and the rating.</summary>
public sealed record ReviewComment(string? Evaluation, string? Requirement, string? Suggestion, int? Rating);

/// <summary>
/// A record a manager owes, submits in revisions and the team's lead (or a delegate) approves or returns: a daily
/// work log, a monthly marketing plan.
/// </summary>
public interface IReviewSubject
{
    Guid Id { get; }
    string TenantId { get; }
    string TeamId { get; }
    string ManagerId { get; }
    int CurrentRevision { get; }
    /// <summary>Submitted (or resubmitted) and not yet decided.</summary>
    bool AwaitsDecision { get; }
    IEnumerable<IReviewRecord> Decisions { get; }
    /// <summary>Stores the decision on the revision and moves the record to approved or returned.</summary>
    void RecordDecision(int revision, string reviewerId, ReviewDecision decision, ReviewComment comment, DateTimeOffset at);
}

/// <summary>
/// What differs between the records the lead reviews: how one is loaded, its review card, its words and the names
/// of its audit actions and notifications. Everything else is <see cref="LeadReview"/>, once for all of them.
/// </summary>
public abstract class ReviewKind<TSubject> where TSubject : class, IReviewSubject
{
    /// <summary>The card data key carrying the record's id (e.g. logId).</summary>
    public abstract string SubjectKey { get; }
    /// <summary>The verb that approves (any other decision verb returns).</summary>
    public abstract string ApproveVerb { get; }
    /// <summary>The audit trail's subject type and the prefix of its actions (e.g. WorkLog, worklog).</summary>
    public abstract string SubjectType { get; }
    public abstract string ActionPrefix { get; }
    /// <summary>The outbox kinds that tell the manager of a decision.</summary>
    public abstract string ApprovedNotification { get; }
    public abstract string ReturnedNotification { get; }
    public abstract Text UnknownSubject { get; }
    /// <summary>Refusal to someone who does not review the team; {0} is the team's name.</summary>
    public abstract Text NotAllowed { get; }
    /// <summary>{0}: the revision on the card, {1}: the current one.</summary>
    public abstract Text StaleRevision { get; }
    public abstract Text CommentNeeded { get; }
    /// <summary>True when the review card offers "mark as an example for the team" with the approval.</summary>
    public virtual bool OffersExample => false;

    public abstract Task<TSubject?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken);

    /// <summary>The review card of the record's current revision, with the comment typed and its errors when given.</summary>
    public abstract Task<AdaptiveCard> CardAsync(TSubject subject, Person reviewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null);

    /// <summary>Marks the record as an example for the team (only when <see cref="OffersExample"/>).</summary>
    public virtual void MarkExample(TSubject subject, string reviewerId, DateTimeOffset at) => throw new NotSupportedException();
}

/// <summary>
/// The lead's review, the same for every record: only the team's lead or a delegate decides; only the current,
/// undecided revision; the same decision delivered twice answers as before, another one tells who decided; approve
/// with or without a comment, return with at least one part of the three-part comment and a rating; the decision,
/// its audit entry and the manager's notification are stored together; the answer is the updated card (the same card
/// every reviewer's refresh shows).
/// </summary>
public sealed class LeadReview(DiligenceDbContext db, TimeProvider time, NotificationDispatcher dispatcher, ILogger<LeadReview> logger)
{
    public const string EvaluationInput = "c.evaluation";
    public const string RequirementInput = "c.requirement";
    public const string SuggestionInput = "c.suggestion";
    public const string RatingInput = "c.rating";
    public const string ExampleInput = "c.example";
    public const int CommentMaxLength = 500;

    private static readonly string[] CommentInputs = [EvaluationInput, RequirementInput, SuggestionInput, RatingInput, ExampleInput];

    /// <summary>Approve or Return, for any record kind. A concurrent decision (or a re-delivered copy) is answered from what is stored.</summary>
    public async Task<BotAnswer> DecideAsync<TSubject>(BotRequest request, ReviewKind<TSubject> kind, CancellationToken cancellationToken)
        where TSubject : class, IReviewSubject
    {
        try
        {
            return await DecideOnceAsync(request, kind, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await DecideOnceAsync(request, kind, cancellationToken);
        }
    }

    /// <summary>The reviewer of the record's team, or the refusal that says who may review.</summary>
    public async Task<(Person? Reviewer, BotAnswer? Refusal)> ReviewerAsync<TSubject>(BotRequest request, ReviewKind<TSubject> kind, TSubject subject, CancellationToken cancellationToken)
        where TSubject : class, IReviewSubject
    {
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == subject.TeamId, cancellationToken);
        if (request.Person is { } reviewer && team.IsReviewer(reviewer.Id))
        {
            return (reviewer, null);
        }

        Log.ReviewRefused(logger, request.Verb, kind.SubjectType, subject.Id, request.Person?.Id);
        return (null, BotAnswer.Refused(kind.NotAllowed.Format(request.Language, request.Language == Language.ZhCn ? team.NameZh : team.NameEn)));
    }

    /// <summary>Writes the audit entry of an action on a record (in the same save as the change).</summary>
    public void Audit(BotRequest request, string actorId, string action, IReviewSubject subject, string subjectType, int revision) =>
        db.Set<AuditEntry>().Add(AuditEntry.Of(request, subject.TenantId, actorId, action, subjectType, subject.Id.ToString(), revision, time.GetUtcNow()));

    private async Task<BotAnswer> DecideOnceAsync<TSubject>(BotRequest request, ReviewKind<TSubject> kind, CancellationToken cancellationToken)
        where TSubject : class, IReviewSubject
    {
        var language = request.Language;
        var decision = request.Verb == kind.ApproveVerb ? ReviewDecision.Approved : ReviewDecision.Returned;
        if (request.Card.Guid(kind.SubjectKey) is not { } id || await kind.LoadAsync(id, request.TenantId, cancellationToken) is not { } subject)
        {
            return BotAnswer.Refused(kind.UnknownSubject.In(language));
        }

        var (reviewer, refusal) = await ReviewerAsync(request, kind, subject, cancellationToken);
        if (reviewer is null)
        {
            return refusal!;
        }

        if (request.Card.Integer("revision") is not { } number)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (!CardData.WasIssued(number, subject.CurrentRevision, first: 1))
        {
            return BotAnswer.Refused(Texts.Input.NotIssued.Format(language, number));
        }

        if (subject.Decisions.SingleOrDefault(r => r.RevisionNumber == number) is { } existing)
        {
            if (existing.ReviewerId == reviewer.Id && existing.Decision == decision)
            {
                // The same decision delivered again: the answer it already had.
                return BotAnswer.WithCard(await kind.CardAsync(subject, reviewer, language, cancellationToken));
            }

            var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == subject.TeamId, cancellationToken);
            var when = CardDates.At(existing.DecidedAt, team.TimeZone);
            var what = (existing.Decision == ReviewDecision.Approved ? Texts.WorkLogs.DecidedApproved : Texts.WorkLogs.DecidedReturned).In(language);
            var who = (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == existing.ReviewerId, cancellationToken))?.DisplayName ?? existing.ReviewerId;
            return BotAnswer.WithCard(await kind.CardAsync(subject, reviewer, language, cancellationToken,
                Texts.WorkLogs.AlreadyDecided.Format(language, what, who, when)));
        }

        if (number != subject.CurrentRevision || !subject.AwaitsDecision)
        {
            return BotAnswer.WithCard(await kind.CardAsync(subject, reviewer, language, cancellationToken,
                kind.StaleRevision.Format(language, number, subject.CurrentRevision)));
        }

        var typed = request.Card.Inputs(CommentInputs);
        var errors = Validate(decision, typed, kind.CommentNeeded, language, out var comment);
        var example = kind.OffersExample && typed.GetValueOrDefault(ExampleInput) == "true";
        if (example && decision == ReviewDecision.Returned)
        {
            errors[ExampleInput] = Texts.WorkLogs.ErrorExampleNeedsApproval.In(language);
        }

        if (errors.Count > 0)
        {
            return BotAnswer.WithCard(await kind.CardAsync(subject, reviewer, language, cancellationToken, null, typed, errors));
        }

        var now = time.GetUtcNow();
        subject.RecordDecision(number, reviewer.Id, decision, comment, now);
        Audit(request, reviewer.Id, $"{kind.ActionPrefix}.{(decision == ReviewDecision.Approved ? "approved" : "returned")}", subject, kind.SubjectType, number);
        if (example)
        {
            // Approved and praised in one step: the manager's one message says both.
            kind.MarkExample(subject, reviewer.Id, now);
            Audit(request, reviewer.Id, $"{kind.ActionPrefix}.praised", subject, kind.SubjectType, number);
        }

        var notification = decision == ReviewDecision.Approved ? kind.ApprovedNotification : kind.ReturnedNotification;
        db.Set<Notification>().Add(Notification.Create(subject.TenantId, notification, subject.Id.ToString(), number, subject.ManagerId, now));
        await db.SaveChangesAsync(cancellationToken);
        Log.ReviewDecided(logger, kind.SubjectType, subject.Id, number, decision.ToString(), reviewer.Id);
        dispatcher.Wake();
        return BotAnswer.WithCard(await kind.CardAsync(subject, reviewer, language, cancellationToken));
    }

    /// <summary>The three-part comment and rating checked as typed text; a return needs a rating and at least one part.</summary>
    private static Dictionary<string, string> Validate(ReviewDecision decision, Dictionary<string, string> typed, Text commentNeeded, Language language, out ReviewComment comment)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        int? rating = null;
        var ratingText = typed.GetValueOrDefault(RatingInput);
        if (!UserText.IsBlank(ratingText))
        {
            if (UserNumber.TryParseWhole(ratingText, 1, 5, out var r))
            {
                rating = r;
            }
            else
            {
                errors[RatingInput] = Texts.WorkLogs.ErrorRating.In(language);
            }
        }
        else if (decision == ReviewDecision.Returned)
        {
            errors[RatingInput] = Texts.WorkLogs.ErrorRating.In(language);
        }

        string? Part(string key, Text label)
        {
            if (UserText.Check(typed.GetValueOrDefault(key), new TextRule(CommentMaxLength), label.In(language), language, out var clean) is { } error)
            {
                errors[key] = error;
            }

            return clean;
        }

        comment = new ReviewComment(
            Part(EvaluationInput, Texts.WorkLogs.Evaluation),
            Part(RequirementInput, Texts.WorkLogs.Requirement),
            Part(SuggestionInput, Texts.WorkLogs.Suggestion),
            rating);
        if (decision == ReviewDecision.Returned && comment is { Evaluation: null, Requirement: null, Suggestion: null }
            && !errors.ContainsKey(EvaluationInput) && !errors.ContainsKey(RequirementInput) && !errors.ContainsKey(SuggestionInput))
        {
            errors["comment"] = commentNeeded.In(language);
        }

        return errors;
    }
}
