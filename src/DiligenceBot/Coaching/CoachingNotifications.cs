using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Coaching;

/// <summary>The monthly pulse to a manager (nothing when already answered for that month).</summary>
public sealed class PulseRenderer(CoachingDesk desk) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(notification.SubjectId, "yyyy-MM-dd", out var month)
            || await desk.Db.Set<PulseResponse>().AnyAsync(p => p.ManagerId == recipient.Id && p.Month == month, cancellationToken))
        {
            return null;
        }

        return OutgoingActivity.FromCard(CoachingCards.Pulse(month, language), Texts.Coaching.PulseSummary.In(language));
    }
}

/// <summary>The monthly coaching digest to a team's lead, from the snapshots the job took for the month and the month before.</summary>
public sealed class CoachingDigestRenderer(CoachingDesk desk) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        var parts = notification.SubjectId.Split('|');
        if (parts.Length != 2 || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", out var month))
        {
            return null;
        }

        var db = desk.Db;
        if (await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == notification.TenantId && t.Id == parts[0], cancellationToken) is not { } team)
        {
            return null;
        }

        var members = await db.People.AsNoTracking().Where(p => p.TeamId == team.Id).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();
        var previous = month.AddMonths(-1);
        var snapshots = await db.Set<CoachingSnapshot>().AsNoTracking()
            .Where(s => ids.Contains(s.ManagerId) && (s.Month == month || s.Month == previous)).ToListAsync(cancellationToken);
        var decisions = (await db.Set<CoachingAssessment>().AsNoTracking().Where(a => ids.Contains(a.ManagerId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.ManagerId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Number).First().ChosenType, StringComparer.Ordinal);
        var actions = await db.Set<CoachingAction>().AsNoTracking()
            .Where(a => ids.Contains(a.ManagerId) && a.Status == CoachingActionStatus.Open).ToListAsync(cancellationToken);
        var today = team.LocalDate(desk.Now);
        var rows = members.Select(m =>
        {
            var now = snapshots.SingleOrDefault(s => s.ManagerId == m.Id && s.Month == month);
            var before = snapshots.SingleOrDefault(s => s.ManagerId == m.Id && s.Month == previous);
            var open = actions.Where(a => a.ManagerId == m.Id).ToList();
            return new CoachingCards.DigestRow(m, now?.SuggestedType, now?.Score ?? 0, before is not null, before?.SuggestedType,
                decisions.TryGetValue(m.Id, out var d) ? d : null, open.Count, open.Count(a => a.Due < today));
        }).ToList();
        var teamName = language == Language.ZhCn ? team.NameZh : team.NameEn;
        return OutgoingActivity.FromCard(CoachingCards.Digest(team, month, rows, desk.Library, language), Texts.Coaching.DigestSummary.Format(language, teamName));
    }
}

/// <summary>A coaching action due today or overdue, to the manager's team lead (nothing once it is done or skipped).</summary>
public sealed class CoachingActionRenderer(CoachingDesk desk) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id)
            || await desk.Db.Set<CoachingAction>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { Status: CoachingActionStatus.Open } action
            || await desk.PersonAsync(action.TenantId, action.ManagerId, cancellationToken) is not { Team: { } team } manager)
        {
            return null;
        }

        var text = desk.Library.FindAction(action.Type, action.PlaybookActionId)?.In(language) ?? action.PlaybookActionId;
        return OutgoingActivity.FromCard(
            CoachingCards.ActionReminder(action, manager, text, team.LocalDate(desk.Now), language),
            Texts.Coaching.ReminderSummary.Format(language, manager.DisplayName));
    }
}

/// <summary>A tip to the manager, in their language, from their lead; it names no type.</summary>
public sealed class CoachingTipRenderer(CoachingDesk desk) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        var dot = notification.SubjectId.LastIndexOf('.');
        if (dot < 0 || CoachingRequest.Type(notification.SubjectId[..dot]) is not { } type
            || !int.TryParse(notification.SubjectId[(dot + 1)..], out var index)
            || desk.Library[type].ManagerTips is not { Count: > 0 } tips)
        {
            return null;
        }

        var leadId = recipient.TeamId is null ? null
            : await desk.Db.Teams.AsNoTracking().Where(t => t.Id == recipient.TeamId).Select(t => t.LeadId).SingleOrDefaultAsync(cancellationToken);
        var lead = await desk.PersonAsync(recipient.TenantId, leadId, cancellationToken);
        return OutgoingActivity.FromCard(CoachingCards.Tip(tips[index % tips.Count].In(language), lead?.DisplayName ?? "DiligenceBot", language), Texts.Coaching.TipSummary.In(language));
    }
}
