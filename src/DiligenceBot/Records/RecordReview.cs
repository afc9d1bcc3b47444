using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Records;

/// <summary>What the lead's review needs to know of a record: verify (the shared Approve) or return.</summary>
public sealed class RecordReviewKind(RecordBook book) : ReviewKind<ManagerRecord>
{
    public const string Type = "Record";
    public const string ReviewRequested = "record.review-requested";
    public const string Verified = "record.verified";
    public const string Returned = "record.returned";

    public override string SubjectKey => "recordId";
    public override string ApproveVerb => RecordCards.VerifyVerb;
    public override string SubjectType => Type;
    public override string ActionPrefix => "record";
    public override string ApprovedNotification => Verified;
    public override string ReturnedNotification => Returned;
    public override Text UnknownSubject => Texts.Records.UnknownRecord;
    public override Text NotAllowed => Texts.Records.NotAllowedToReview;
    public override Text StaleRevision => Texts.Records.StaleRevision;
    public override Text CommentNeeded => Texts.Records.ErrorCommentNeeded;

    public override Task<ManagerRecord?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) => book.LoadAsync(id, tenantId, cancellationToken);

    public override Task<AdaptiveCard> CardAsync(ManagerRecord subject, Person reviewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null) =>
        book.CardAsync(subject, reviewer, language, cancellationToken, notice, typed, errors);
}

/// <summary>Verify or Return a record: the lead's review shared with work logs and plans.</summary>
public sealed class DecideRecordVerb(LeadReview review, RecordReviewKind kind) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        review.DecideAsync(request, kind, cancellationToken);
}

/// <summary>To the lead: a filed (or filed again) record's review card. Skipped when that filing is no longer current or is decided.</summary>
public sealed class RecordReviewRequestedRenderer(RecordBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.LoadAsync(id, notification.TenantId, cancellationToken) is not { } record
            || record.CurrentRevision != notification.Revision || record.Reviews.Any(r => r.RevisionNumber == notification.Revision))
        {
            return null;
        }

        var card = await book.CardAsync(record, recipient, language, cancellationToken);
        var manager = await book.Db.People.AsNoTracking().Where(p => p.Id == record.ManagerId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        return OutgoingActivity.FromCard(card, Texts.Records.ReviewRequestedSummary.Format(language, manager, record.Title));
    }
}

/// <summary>To the manager: the lead's decision, on the record's card with the comment.</summary>
public sealed class RecordDecisionRenderer(RecordBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.LoadAsync(id, notification.TenantId, cancellationToken) is not { } record
            || record.CurrentRevision != notification.Revision)
        {
            return null;
        }

        var card = await book.CardAsync(record, recipient, language, cancellationToken);
        return OutgoingActivity.FromCard(card, (notification.Kind == RecordReviewKind.Verified ? Texts.Records.VerifiedSummary : Texts.Records.ReturnedSummary).Format(language, record.Title));
    }
}
