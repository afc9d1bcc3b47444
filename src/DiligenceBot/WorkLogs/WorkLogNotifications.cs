using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;

namespace DiligenceBot.WorkLogs;

/// <summary>To the lead: a submitted (or resubmitted) log's review card. Skipped when that revision is no longer current or is decided.</summary>
public sealed class ReviewRequestedRenderer(WorkLogBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.LoadAsync(id, notification.TenantId, cancellationToken) is not { } log
            || log.CurrentRevision != notification.Revision || log.Reviews.Any(r => r.RevisionNumber == notification.Revision))
        {
            return null;
        }

        var manager = await book.PersonAsync(log.ManagerId, cancellationToken);
        var card = await book.ReviewAsync(log, recipient, language, cancellationToken);
        return OutgoingActivity.FromCard(card, Texts.WorkLogs.ReviewRequestedSummary.Format(language, manager?.DisplayName ?? log.ManagerId));
    }
}

/// <summary>To the manager: the lead's decision. A returned log comes back as the form, prefilled, with the comment.</summary>
public sealed class DecisionRenderer(WorkLogBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.LoadAsync(id, notification.TenantId, cancellationToken) is not { } log
            || log.CurrentRevision != notification.Revision)
        {
            return null;
        }

        if (notification.Kind == WorkLogBook.Returned && log.Status == WorkLogStatus.Returned)
        {
            var team = await book.TeamAsync(log.TeamId, cancellationToken);
            var template = await book.TemplateForAsync(team, cancellationToken);
            var current = log.Revisions.Single(r => r.Number == log.CurrentRevision);
            var form = await book.FormAsync(team, template!, log.WorkDate, log, new(current.Values), [], log.CurrentRevision, language, cancellationToken);
            return OutgoingActivity.FromCard(form, Texts.WorkLogs.ReturnedSummary.In(language));
        }

        var summary = await book.SummaryAsync(log, recipient, language, cancellationToken);
        var text = notification.Kind switch
        {
            WorkLogBook.Praised => Texts.WorkLogs.PraisedSummary.Format(language,
                await book.NameAsync(log.PraisedById, cancellationToken) ?? log.PraisedById, CardDates.Long(log.WorkDate, language)),
            WorkLogBook.Approved when log.PraisedAt is not null => Texts.WorkLogs.ApprovedPraisedSummary.In(language),
            WorkLogBook.Approved => Texts.WorkLogs.ApprovedSummary.In(language),
            _ => Texts.WorkLogs.ReturnedSummary.In(language),
        };
        return OutgoingActivity.FromCard(summary, text);
    }
}
