using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// The drafts in the team's schedule job (<see cref="ITeamDueRecords"/>, the mechanism the required records use): at
/// the meeting of the first working day after a month (the team's zone, working days, holidays and make-up days), the
/// team's lead gets one card of the month's drafts, and after the last month of a quarter one of the quarter's too
/// (subject: the team and the period, so nothing is sent twice).
/// </summary>
public sealed class ScorecardDraftSchedule : ITeamDueRecords
{
    public const string Drafts = "scorecard.drafts";

    public Task<IReadOnlyList<Notification>> DueAsync(Team team, TeamSchedule schedule, IReadOnlyList<Person> managers, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var wanted = new List<Notification>();
        if (team.LeadId is not { } lead || managers.All(m => m.Id == lead))
        {
            return Task.FromResult<IReadOnlyList<Notification>>(wanted);
        }

        foreach (var day in TeamScheduleJob.MeetingDaysWithin(schedule, from, to))
        {
            var month = RecordPeriod.Holding(RecordPeriodKind.Monthly, day).Previous;
            if (ScheduleMath.NextWorkingDay(schedule, month.Last) != day)
            {
                continue;
            }

            wanted.Add(Notification.Create(team.TenantId, Drafts, Subject(team.Id, month), 0, lead, to));
            var quarter = RecordPeriod.Holding(RecordPeriodKind.Quarterly, month.First);
            if (quarter.Last == month.Last)
            {
                wanted.Add(Notification.Create(team.TenantId, Drafts, Subject(team.Id, quarter), 0, lead, to));
            }
        }

        return Task.FromResult<IReadOnlyList<Notification>>(wanted);
    }

    public static string Subject(string teamId, RecordPeriod period) => $"{teamId}:{period.Key}";
}

/// <summary>To the lead on the first working day after a period: the team's drafts, ranked, each opening its card to score and publish. Nothing once all are published.</summary>
public sealed class ScorecardDraftsRenderer(DiligenceDbContext db, RecordCheckDesk desk, ScorecardBook book, ScorecardValues values) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        var i = notification.SubjectId.LastIndexOf(':');
        if (i <= 0 || ScorecardPeriods.Read(notification.SubjectId[(i + 1)..]) is not { } period
            || await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == notification.SubjectId.Substring(0, i) && t.TenantId == notification.TenantId, cancellationToken) is not { } team)
        {
            return null;
        }

        var managers = await db.People.AsNoTracking().Include(p => p.Team).Where(p => p.TeamId == team.Id && p.Id != recipient.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var ids = managers.Select(m => m.Id).ToList();
        var published = await book.Scorecards.AsNoTracking().Where(s => s.TenantId == team.TenantId && s.PeriodKey == period.Key && ids.Contains(s.ManagerId))
            .ToDictionaryAsync(s => s.ManagerId, StringComparer.Ordinal, cancellationToken);
        if (managers.Count == 0 || managers.All(m => published.ContainsKey(m.Id)))
        {
            return null;
        }

        var measured = await values.OfAsync(managers, period, desk.ThisMonth(team), cancellationToken);
        var drafts = managers.Where(m => measured.ContainsKey(m.Id))
            .Select(m => new ScorecardCards.Draft(m, team, book.Rules.Score(measured[m.Id]), published.TryGetValue(m.Id, out var p) ? ScorecardBook.Total(p) : null)).ToList();
        var notice = Texts.Scorecards.DraftsReady.Format(language, period.Name(language), CardDates.Long(book.Today(team), language));
        var card = ScorecardCards.Teams([new(team, drafts)], period, period.Last.AddDays(1), language, notice);
        return OutgoingActivity.FromCard(card, Texts.Scorecards.DraftsSummary.Format(language, period.Name(language)));
    }
}

/// <summary>
/// A published scorecard's messages: to the manager when published (to acknowledge or object), to the decider when
/// objected (to uphold or amend), to the manager and the lead when decided. Each shows the card as it stands now.
/// </summary>
public sealed class ScorecardRenderer(ScorecardBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id) || await book.FindAsync(notification.TenantId, id, cancellationToken) is not { } card)
        {
            return null;
        }

        var viewer = recipient.Id == card.ManagerId ? ScorecardCards.Viewer.Manager
            : notification.Kind == ScorecardBook.Objected ? ScorecardCards.Viewer.Decider
            : ScorecardCards.Viewer.Lead;
        var view = await ScorecardViews.OfAsync(book, card, viewer, cancellationToken);
        var period = card.Period.Name(language);
        var summary = notification.Kind switch
        {
            ScorecardBook.Published => Texts.Scorecards.PublishedSummary.Format(language, period),
            ScorecardBook.Objected => Texts.Scorecards.ObjectedSummary.Format(language, view.Manager.DisplayName, period),
            _ => Texts.Scorecards.DecidedSummary.Format(language, view.Manager.DisplayName, period),
        };
        return OutgoingActivity.FromCard(ScorecardCards.Published(view, language, notice: summary), summary);
    }
}
