using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;

namespace DiligenceBot.Assessment;

/// <summary>
/// A yearly review's messages: to the decider when proposed (to decide), to the manager when finished (not proposed,
/// once the team is complete; or decided), to the lead when decided. Each shows the review as it stands now.
/// </summary>
public sealed class AnnualRenderer(AnnualBook book, AnnualViews views) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.FindAsync(notification.TenantId, id, cancellationToken) is not { } review)
        {
            return null;
        }

        var viewer = recipient.Id == review.ManagerId ? AnnualCards.Viewer.Manager
            : notification.Kind == AnnualBook.Proposed ? AnnualCards.Viewer.Decider
            : AnnualCards.Viewer.Overseer;
        var view = await views.OfAsync(review, viewer, cancellationToken);
        var summary = notification.Kind switch
        {
            AnnualBook.Proposed => Texts.Annual.ProposedSummary.Format(language, view.Manager.DisplayName, review.Year),
            AnnualBook.Finished => Texts.Annual.FinishedSummary.Format(language, review.Year),
            _ => Texts.Annual.DecidedSummary.Format(language, view.Manager.DisplayName, review.Year),
        };
        return OutgoingActivity.FromCard(AnnualCards.Manager(view, language, notice: summary), summary);
    }
}
