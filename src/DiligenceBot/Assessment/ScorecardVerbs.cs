using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;

namespace DiligenceBot.Assessment;

/// <summary>
/// "scorecard [YYYY-MM | YYYY-Qn] [manager]" / "考核 [YYYY-MM | YYYY-Qn] [客户经理]" (and the cards' buttons, which carry
/// a period and a manager id): the draft scorecards, for the people who run the record checks (a team's lead and
/// delegates, the lead chain above, admins) on the managers they check — never on themselves. Without a manager, every
/// manager they check, ranked; with one, that manager's dimensions and indicators. The period defaults to last month.
/// </summary>
public sealed class ScorecardVerb(RecordCheckDesk desk, ScorecardRules rules, ScorecardValues values, TimeProvider time) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        var (periodText, name) = request.Source == RequestSource.Text
            ? RecordCheckVerb.MonthAndName(request.Arguments)
            : (request.Card.String("period"), string.Empty);
        RecordPeriod? asked = null;
        if (periodText is not null)
        {
            if (!RecordPeriod.TryParse(RecordPeriodKind.Monthly, periodText, out var period) && !RecordPeriod.TryParse(RecordPeriodKind.Quarterly, periodText, out period))
            {
                return BotAnswer.Refused(Texts.Scorecards.BadPeriod.In(language));
            }

            asked = period;
        }

        var (isChecker, checkable) = await desk.CheckedByAsync(person, cancellationToken);
        if (!isChecker)
        {
            return BotAnswer.Refused(Texts.Scorecards.ForLeads.In(language));
        }

        Person? manager = null;
        if (request.Source != RequestSource.Text && request.Card.String("managerId") is { Length: > 0 } managerId)
        {
            manager = await desk.ManagerAsync(person.TenantId, managerId, cancellationToken);
            if (manager is null)
            {
                return BotAnswer.Refused(Texts.Scorecards.UnknownManager.Format(language, managerId));
            }
        }
        else if (name.Length > 0)
        {
            var candidates = PeopleByName.Matching(checkable, name);
            if (candidates.Count > 1)
            {
                return BotAnswer.Refused(Texts.Scorecards.SeveralMatch.Format(language, name, string.Join(Texts.Scorecards.ListSeparator.In(language), candidates.Select(c => c.DisplayName))));
            }

            manager = candidates.SingleOrDefault() ?? PeopleByName.Matching(await desk.ManagersOfTenantAsync(person.TenantId, cancellationToken), name).FirstOrDefault();
            if (manager is null)
            {
                return BotAnswer.Refused(Texts.Scorecards.UnknownManager.Format(language, name.Length > 40 ? name[..40] + "…" : name));
            }
        }

        if (manager is not null)
        {
            if (manager.Id == person.Id)
            {
                return BotAnswer.Refused(Texts.Scorecards.NotYourself.In(language));
            }

            if (!await desk.MayCheckAsync(person, manager, cancellationToken))
            {
                return BotAnswer.Refused(Texts.Scorecards.NotYours.Format(language, manager.DisplayName));
            }
        }
        else if (checkable.Count == 0)
        {
            return BotAnswer.Refused(Texts.Scorecards.NoManagers.In(language));
        }

        var managers = manager is not null ? [manager] : checkable;
        var team = managers.Select(m => m.Team!).OrderBy(t => t.Id, StringComparer.Ordinal).First();
        var thisMonth = desk.ThisMonth(team);
        var chosen = asked ?? RecordPeriod.Holding(RecordPeriodKind.Monthly, thisMonth).Previous;
        if (chosen.First > thisMonth)
        {
            return BotAnswer.Refused(Texts.Scorecards.FuturePeriod.Format(language, chosen.Name(language)));
        }

        var measured = await values.OfAsync(managers, chosen, thisMonth, cancellationToken);
        var drafts = managers.Where(m => measured.ContainsKey(m.Id)).Select(m => new ScorecardCards.Draft(m, m.Team!, rules.Score(measured[m.Id]))).ToList();
        var today = team.LocalDate(time.GetUtcNow());
        var until = chosen.Last < today ? chosen.Last.AddDays(1) : today;
        if (manager is not null)
        {
            return BotAnswer.WithCard(ScorecardCards.Manager(drafts.Single(), chosen, until, language));
        }

        var teams = drafts.GroupBy(d => d.Team.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScorecardCards.TeamDrafts(g.First().Team, [.. g])).ToList();
        return BotAnswer.WithCard(ScorecardCards.Teams(teams, chosen, until, language));
    }
}
