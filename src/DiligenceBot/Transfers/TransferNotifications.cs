using System.Globalization;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Transfers;

/// <summary>
/// The messages of a form's life, each built when it is sent, from the form as it is then, in the recipient's
/// language: the form's card with the recipient's own actions and a line saying why it came (or, for the provider
/// of an escalated form, a plain message). A message about a revision the form has moved past is not sent: the
/// step it announced has been overtaken (acknowledged meanwhile, forwarded elsewhere, handled, closed).
/// </summary>
public sealed class TransferRenderer(TransferRegister register) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await register.LoadAsync(id, notification.TenantId, cancellationToken) is not { } form
            || form.Revision != notification.Revision)
        {
            return null;
        }

        var settings = await register.SettingsAsync(form.TenantId, cancellationToken);
        var zone = settings?.TimeZone ?? TransferSettings.DefaultTimeZone;
        var posts = (await register.PostsAsync(form.TenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var post = TransferCards.PostName(posts, form.PostId, language);
        var provider = await register.PersonAsync(form.ProviderId, cancellationToken);
        var providerName = provider?.DisplayName ?? form.ProviderId;
        var category = await register.Db.Set<TransferCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == form.CategoryId, cancellationToken);
        var last = form.Steps.OrderBy(s => s.FromRevision).Last();
        async Task<string> NameAsync(string? personId) => (await register.PersonAsync(personId, cancellationToken))?.DisplayName ?? personId ?? "?";
        async Task<OutgoingActivity> CardAsync(string notice, string summary) =>
            OutgoingActivity.FromCard(await register.CardAsync(form, recipient, language, cancellationToken, notice), summary);

        switch (notification.Kind)
        {
            case TransferRegister.Routed when form.State == TransferState.Sent:
                var ackBy = TransferRegister.Local(form.AckDueAt, zone);
                var routedNotice = last.Kind == TransferStepKind.Forwarded
                    ? Texts.Transfers.ForwardedNotice.Format(language, await NameAsync(last.ActorId), post, last.Text, ackBy)
                    : Texts.Transfers.RoutedNotice.Format(language, post, ackBy);
                return await CardAsync(routedNotice, Texts.Transfers.RoutedSummary.Format(language, providerName, TransferCards.CategoryName(category, form, language)));

            case TransferRegister.Handled when form.State == TransferState.Handled:
                return await CardAsync(Texts.Transfers.HandledNotice.Format(language, await NameAsync(form.HandledById)), Texts.Transfers.HandledSummary.Format(language, form.Number));

            case TransferRegister.Reopened when form.State == TransferState.Reopened:
                return await CardAsync(Texts.Transfers.ReopenedNotice.Format(language, providerName, form.ReopenReason, TransferRegister.Local(form.HandleDueAt, zone)),
                    Texts.Transfers.ReopenedSummary.Format(language, form.Number));

            case TransferRegister.Closed when form.State == TransferState.Closed:
                var closed = Texts.Transfers.ClosedSummary.Format(language, form.Number, form.HandlingRating ?? 0);
                return await CardAsync(closed, closed);

            case TransferRegister.AckReminder when form.State == TransferState.Sent:
                return await CardAsync(Texts.Transfers.ReminderNotice.Format(language, TransferRegister.Local(form.AckDueAt, zone)), Texts.Transfers.ReminderSummary.Format(language, form.Number));

            case TransferRegister.AckEscalated when form.State == TransferState.Sent:
            case TransferRegister.HandleEscalated when form.IsOpen:
                var ack = notification.Kind == TransferRegister.AckEscalated;
                var due = TransferRegister.Local(ack ? form.AckEscalateAt : form.HandleDueAt, zone);
                if (recipient.Id == form.ProviderId)
                {
                    var lead = posts.TryGetValue(form.PostId, out var p) ? await register.EscalationTargetAsync(p, cancellationToken) : null;
                    return OutgoingActivity.FromText((ack ? Texts.Transfers.ProviderAckEscalated : Texts.Transfers.ProviderHandleEscalated)
                        .Format(language, form.Number, await NameAsync(lead), post, due));
                }

                var deadlines = category?.For(form.Urgency) ?? new TransferDeadlines();
                var hours = (ack ? deadlines.EscalateAfterHours : deadlines.HandleWithinHours).ToString("0.#", CultureInfo.GetCultureInfo(language.Tag()));
                var why = (ack ? Texts.Transfers.EscalatedAckNotice : Texts.Transfers.EscalatedHandleNotice).Format(language, post, hours, due);
                return await CardAsync(why, Texts.Transfers.EscalatedSummary.Format(language, form.Number));

            default:
                return null;
        }
    }
}
