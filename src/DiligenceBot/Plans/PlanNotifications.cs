using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;

namespace DiligenceBot.Plans;

/// <summary>To the lead: a submitted (or resubmitted) plan's review card. Skipped when that revision is no longer current or is decided.</summary>
public sealed class PlanReviewRequestedRenderer(PlanBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.LoadAsync(id, notification.TenantId, cancellationToken) is not { } plan
            || plan.CurrentRevision != notification.Revision || plan.Reviews.Any(r => r.RevisionNumber == notification.Revision))
        {
            return null;
        }

        var manager = await book.PersonAsync(plan.ManagerId, cancellationToken);
        var card = await book.ReviewAsync(plan, recipient, language, cancellationToken);
        return OutgoingActivity.FromCard(card, Texts.Plans.ReviewRequestedSummary.Format(language, manager?.DisplayName ?? plan.ManagerId));
    }
}

/// <summary>To the manager: the lead's decision. A returned plan comes back as the form, prefilled, with the comment.</summary>
public sealed class PlanDecisionRenderer(PlanBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.LoadAsync(id, notification.TenantId, cancellationToken) is not { } plan
            || plan.CurrentRevision != notification.Revision)
        {
            return null;
        }

        if (notification.Kind == PlanBook.Returned && plan.Status == PlanStatus.Returned)
        {
            var team = await book.TeamAsync(plan.TeamId, cancellationToken);
            var form = await book.FormForAsync(recipient, team, plan.Month, plan, language, cancellationToken);
            return OutgoingActivity.FromCard(form, Texts.Plans.ReturnedSummary.In(language));
        }

        var summary = await book.SummaryAsync(plan, recipient, language, cancellationToken);
        return OutgoingActivity.FromCard(summary, (notification.Kind == PlanBook.Approved ? Texts.Plans.ApprovedSummary : Texts.Plans.ReturnedSummary).In(language));
    }
}
