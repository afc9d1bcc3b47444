using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Meetings;

/// <summary>
/// The messages of minutes and action items, each built when it is sent, from the record as it is then, in the
/// recipient's language: the minutes to the team and the checker; the check to the recorder and the lead; an action
/// item to its owner (given, due today), to the lead (overdue, blocked); the missing daily minutes to the lead. A
/// message whose reason has gone (the item is done, the minutes were checked or recorded meanwhile) is not sent.
/// </summary>
public sealed class MinutesRenderer(MinutesRegister register) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        switch (notification.Kind)
        {
            case MinutesRegister.Missing:
                return await MissingAsync(notification, language, cancellationToken);
            case MinutesRegister.Recorded or MinutesRegister.Checked:
                if (!Guid.TryParse(notification.SubjectId, out var minutesId) || await register.LoadAsync(minutesId, notification.TenantId, cancellationToken) is not { } minutes)
                {
                    return null;
                }

                var names = await register.NamesAsync([minutes.RecordedById, minutes.CheckerId], cancellationToken);
                var recorder = names.GetValueOrDefault(minutes.RecordedById, minutes.RecordedById);
                var summary = Texts.Meetings.SentSummary.Format(language, MinutesCards.KindName(minutes.Kind, language), CardDates.Day(minutes.MeetingDate));
                if (notification.Kind == MinutesRegister.Checked)
                {
                    var checker = minutes.CheckerId is null ? "?" : names.GetValueOrDefault(minutes.CheckerId, minutes.CheckerId);
                    var notice = Texts.Meetings.CheckedMessage.Format(language, checker, CardDates.Day(minutes.MeetingDate), minutes.CheckComment);
                    return Card(await register.CardAsync(minutes, recipient, language, cancellationToken, notice), Texts.Meetings.CheckedSummary.Format(language, checker));
                }

                if (recipient.Id == minutes.CheckerId)
                {
                    return minutes.CheckedAt is not null
                        ? null
                        : Card(await register.CardAsync(minutes, recipient, language, cancellationToken, Texts.Meetings.CheckNotice.Format(language, recorder)), summary);
                }

                return Card(await register.CardAsync(minutes, recipient, language, cancellationToken, Texts.Meetings.SentNotice.Format(language, recorder)), summary);
            default:
                return await ItemAsync(notification, recipient, language, cancellationToken);
        }
    }

    private async Task<OutgoingActivity?> ItemAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await register.LoadItemAsync(id, notification.TenantId, cancellationToken) is not { } item || !item.IsOpen)
        {
            return null;
        }

        var names = await register.NamesAsync([item.OwnerId], cancellationToken);
        var owner = names.GetValueOrDefault(item.OwnerId, item.OwnerId);
        var due = CardDates.Day(item.DueDate);
        var shortText = item.Text.Length > 40 ? item.Text[..40] + "…" : item.Text;
        switch (notification.Kind)
        {
            case MinutesRegister.Assigned:
                var minutes = await register.Db.Set<MeetingMinutes>().AsNoTracking().SingleAsync(m => m.Id == item.MinutesId, cancellationToken);
                var recorder = (await register.NamesAsync([minutes.RecordedById], cancellationToken)).GetValueOrDefault(minutes.RecordedById, minutes.RecordedById);
                return Card(await register.ItemCardAsync(item, recipient, language, cancellationToken, Texts.Meetings.AssignedNotice.Format(language, recorder)),
                    Texts.Meetings.AssignedSummary.Format(language, due));
            case MinutesRegister.DueToday:
                return Card(await register.ItemCardAsync(item, recipient, language, cancellationToken, Texts.Meetings.DueNotice.In(language)), Texts.Meetings.DueSummary.In(language));
            case MinutesRegister.Overdue:
                return Card(await register.ItemCardAsync(item, recipient, language, cancellationToken, Texts.Meetings.OverdueNotice.Format(language, owner, due)),
                    Texts.Meetings.OverdueSummary.Format(language, shortText));
            case MinutesRegister.Blocked when item.State == ActionItemState.Blocked && item.Revision == notification.Revision:
                return Card(await register.ItemCardAsync(item, recipient, language, cancellationToken, Texts.Meetings.BlockedNotice.Format(language, owner)),
                    Texts.Meetings.BlockedSummary.Format(language, shortText));
            default:
                return null;
        }
    }

    private async Task<OutgoingActivity?> MissingAsync(Notification notification, Language language, CancellationToken cancellationToken)
    {
        if (!Subjects.TryParse(notification.SubjectId, out var teamId, out var day)
            || await register.TeamAsync(notification.TenantId, teamId, cancellationToken) is not { } team
            || await register.Db.Set<MeetingMinutes>().AnyAsync(m => m.TeamId == team.Id && m.MeetingDate == day && m.Kind == MeetingKind.Daily, cancellationToken))
        {
            return null;
        }

        return Card(MinutesCards.Missing(team, day, language), Texts.Meetings.MissingSummary.Format(language, MinutesCards.TeamName(team, language)));
    }

    private static OutgoingActivity Card(AdaptiveCard card, string summary) => OutgoingActivity.FromCard(card, summary);
}

/// <summary>The lead's pre-meeting digest shows the teams' overdue action items under the logs.</summary>
public sealed class OverdueActionsDigestPart(MinutesRegister register) : ILeadDigestPart
{
    public async Task<IReadOnlyList<CardElement>> ElementsAsync(IReadOnlyList<Team> teams, Language language, CancellationToken cancellationToken)
    {
        var overdue = await register.OverdueAsync(teams, cancellationToken);
        if (overdue.Count == 0)
        {
            return [];
        }

        var names = await register.NamesAsync(overdue.SelectMany(o => o.Items).Select(i => i.OwnerId), cancellationToken);
        var items = new List<CardElement> { new TextBlock(Texts.Meetings.OverdueDigest.In(language)) { Weight = TextWeight.Bolder, Size = TextSize.Medium } };
        foreach (var (team, list) in overdue)
        {
            if (overdue.Count > 1 || teams.Count > 1)
            {
                items.Add(new TextBlock(MinutesCards.TeamName(team, language)) { Weight = TextWeight.Bolder, Spacing = Spacing.Small });
            }

            var today = register.Today(team);
            items.AddRange(list.Select(i => ActionItemCards.OneRow(new ActionItemCards.Row(i, names.GetValueOrDefault(i.OwnerId, i.OwnerId)), "overdue", today, language)));
        }

        return [new Container { Id = "overdue-actions", Items = items, Separator = true, Spacing = Spacing.Large }];
    }
}
