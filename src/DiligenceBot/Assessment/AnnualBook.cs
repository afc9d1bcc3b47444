using DiligenceBot.Audit;
using DiligenceBot.Coaching;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Assessment;

/// <summary>The yearly review's settings (section <c>Annual</c>), checked at start-up.</summary>
public sealed class AnnualOptions
{
    public const string SectionName = "Annual";

    /// <summary>The share of a team (by yearly score, highest first) proposed to the lead's own manager as its best; 0 proposes none.</summary>
    public decimal TopShare { get; set; } = 0.2m;

    /// <summary>The share of a team (lowest first) proposed as its weakest; 0 proposes none.</summary>
    public decimal BottomShare { get; set; } = 0.1m;
}

internal sealed class AnnualOptionsValidator : IValidateOptions<AnnualOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnualOptions options)
    {
        var problems = new List<string>();
        if (options.TopShare is < 0 or > 0.5m)
        {
            problems.Add($"{AnnualOptions.SectionName}:TopShare must be 0-0.5 (the share of a team proposed as its best), not {options.TopShare}.");
        }

        if (options.BottomShare is < 0 or > 0.5m)
        {
            problems.Add($"{AnnualOptions.SectionName}:BottomShare must be 0-0.5 (the share of a team proposed as its weakest), not {options.BottomShare}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>A manager's year in figures: each month's and quarter's published total (as it counts), the yearly score and the ranks.</summary>
public sealed record AnnualFigures(
    Person Manager,
    IReadOnlyDictionary<int, decimal> Months,
    IReadOnlyDictionary<int, decimal> Quarters,
    decimal? Score,
    (int Rank, int Of)? TeamRank,
    (int Rank, int Of)? OrganisationRank);

/// <summary>The year's coaching of a manager: each type the lead confirmed (with the day) and the coaching actions due in the year.</summary>
public sealed record AnnualCoaching(IReadOnlyList<(ManagerType Type, DateOnly On)> Confirmed, int ActionsDone, int ActionsOpen, int ActionsSkipped);

/// <summary>
/// The yearly reviews' store and rules. The yearly score is the mean of the year's published monthly totals as they
/// count (amended when amended); a month without a published scorecard is left out, never counted as 0. Ranks compare
/// yearly scores (equal scores share a place) within the team and within the tenant. The lead submits each manager's
/// review once with the overall evaluation; when the team's last one is submitted, the team's top and bottom shares
/// (<see cref="AnnualOptions"/>) are proposed to the lead's own manager, who decides each once with a reason. Each
/// change is stored with its audit entry and its messages in one save.
/// </summary>
public sealed class AnnualBook(
    DiligenceDbContext db,
    ScorecardBook scorecards,
    IOptions<AnnualOptions> options,
    TimeProvider time,
    NotificationDispatcher dispatcher)
{
    public const string Proposed = "annual.proposed";
    public const string Finished = "annual.finished";
    public const string Decided = "annual.decided";
    public const string SubjectType = "AnnualReview";

    public DiligenceDbContext Db => db;
    public ScorecardBook Scorecards => scorecards;
    public AnnualOptions Options => options.Value;

    public Task<AnnualReview?> FindAsync(string tenantId, Guid id, CancellationToken cancellationToken) =>
        db.Set<AnnualReview>().SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken);

    public Task<Dictionary<string, AnnualReview>> ReviewsAsync(string tenantId, IEnumerable<string> managerIds, int year, CancellationToken cancellationToken)
    {
        var ids = managerIds.ToList();
        return db.Set<AnnualReview>().AsNoTracking().Where(r => r.TenantId == tenantId && r.Year == year && ids.Contains(r.ManagerId))
            .ToDictionaryAsync(r => r.ManagerId, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The year a review is about by default: the year of last month in the team's calendar (in January, the year just ended).</summary>
    public int DefaultYear(Team team) => team.LocalDate(time.GetUtcNow()).AddMonths(-1).Year;

    public DateOnly Today(Team team) => team.LocalDate(time.GetUtcNow());

    /// <summary>Whether the year is over in the team's calendar (a review is submitted only then).</summary>
    public bool YearOver(Team team, int year) => Today(team).Year > year;

    private static List<string> MonthKeys(int year) => [.. Enumerable.Range(1, 12).Select(m => RecordPeriod.Holding(RecordPeriodKind.Monthly, new DateOnly(year, m, 1)).Key)];

    private static List<string> QuarterKeys(int year) => [.. Enumerable.Range(0, 4).Select(q => RecordPeriod.Holding(RecordPeriodKind.Quarterly, new DateOnly(year, (q * 3) + 1, 1)).Key)];

    /// <summary>
    /// The figures of <paramref name="managers"/> for the year, ranked within their teams and within the tenant: the
    /// tenant's published monthly scorecards of the year are read once (the organisation's ranking needs them all).
    /// </summary>
    public async Task<Dictionary<string, AnnualFigures>> FiguresAsync(string tenantId, IReadOnlyCollection<Person> managers, int year, CancellationToken cancellationToken)
    {
        var monthKeys = MonthKeys(year);
        var quarterKeys = QuarterKeys(year);
        var monthly = await scorecards.Scorecards.AsNoTracking().AsSplitQuery()
            .Where(s => s.TenantId == tenantId && monthKeys.Contains(s.PeriodKey)).ToListAsync(cancellationToken);
        var ids = managers.Select(m => m.Id).ToList();
        var quarterly = await scorecards.Scorecards.AsNoTracking().AsSplitQuery()
            .Where(s => s.TenantId == tenantId && quarterKeys.Contains(s.PeriodKey) && ids.Contains(s.ManagerId)).ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => p.TenantId == tenantId && p.TeamId != null).Select(p => new { p.Id, p.TeamId }).ToListAsync(cancellationToken);
        var teamOf = people.ToDictionary(p => p.Id, p => p.TeamId!, StringComparer.Ordinal);
        var scores = monthly.GroupBy(s => s.ManagerId, StringComparer.Ordinal)
            .Where(g => teamOf.ContainsKey(g.Key))
            .ToDictionary(g => g.Key, g => YearlyScore(g.Select(ScorecardBook.Total)), StringComparer.Ordinal);

        (int, int)? Rank(string managerId, Func<string, bool> among)
        {
            if (!scores.TryGetValue(managerId, out var mine))
            {
                return null;
            }

            var ranked = scores.Where(s => among(s.Key)).Select(s => s.Value).ToList();
            return (ranked.Count(s => s > mine) + 1, ranked.Count);
        }

        return managers.ToDictionary(m => m.Id, m => new AnnualFigures(
            m,
            monthly.Where(s => s.ManagerId == m.Id).ToDictionary(s => s.Period.First.Month, ScorecardBook.Total),
            quarterly.Where(s => s.ManagerId == m.Id).ToDictionary(s => ((s.Period.First.Month - 1) / 3) + 1, ScorecardBook.Total),
            scores.TryGetValue(m.Id, out var score) ? score : null,
            Rank(m.Id, id => teamOf.GetValueOrDefault(id) == m.TeamId),
            Rank(m.Id, _ => true)), StringComparer.Ordinal);
    }

    /// <summary>The mean of the published monthly totals, to one decimal (half away from zero).</summary>
    public static decimal YearlyScore(IEnumerable<decimal> totals)
    {
        var all = totals.ToList();
        return Math.Round(all.Sum() / all.Count, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The types the lead confirmed for the manager during the year (the team's calendar) and the year's coaching actions.</summary>
    public async Task<AnnualCoaching> CoachingAsync(Person manager, Team team, int year, CancellationToken cancellationToken)
    {
        var decided = await db.CoachingAssessments.AsNoTracking().Where(a => a.TenantId == manager.TenantId && a.ManagerId == manager.Id)
            .Select(a => new { a.ChosenType, a.DecidedAt, a.Number }).ToListAsync(cancellationToken);
        var confirmed = decided.Select(a => (a.ChosenType, On: team.LocalDate(a.DecidedAt), a.Number)).Where(a => a.On.Year == year)
            .OrderBy(a => a.Number).Select(a => (a.ChosenType, a.On)).ToList();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var actions = await db.CoachingActions.AsNoTracking()
            .Where(a => a.TenantId == manager.TenantId && a.ManagerId == manager.Id && a.Due >= first && a.Due <= last)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(CoachingActionStatus status) => actions.FirstOrDefault(a => a.Key == status)?.Count ?? 0;
        return new(confirmed, Count(CoachingActionStatus.Done), Count(CoachingActionStatus.Open), Count(CoachingActionStatus.Skipped));
    }

    /// <summary>Who decides the review's proposal now (<see cref="AssessmentDeciders"/>).</summary>
    public Task<List<string>> DecidersAsync(AnnualReview review, CancellationToken cancellationToken) =>
        AssessmentDeciders.OfAsync(db, review.TenantId, review.DeciderId, review.TeamId, review.ManagerId, review.SubmittedById, cancellationToken);

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken) => await scorecards.NamesAsync(ids, cancellationToken);

    /// <summary>
    /// Submits the manager's review with the lead's evaluation and the yearly score it stands on; when it is the team's
    /// last, completes the team (<see cref="CompleteTeamAsync"/>). Null when it was submitted meanwhile (the unique key).
    /// </summary>
    public async Task<AnnualReview?> SubmitAsync(BotRequest request, Person lead, Person manager, int year, AnnualFigures figures, string evaluation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var review = new AnnualReview
        {
            Id = Guid.NewGuid(),
            TenantId = manager.TenantId,
            TeamId = manager.TeamId!,
            ManagerId = manager.Id,
            Year = year,
            State = AnnualState.Submitted,
            YearlyScore = figures.Score,
            MonthsScored = figures.Months.Count,
            Evaluation = evaluation,
            SubmittedById = lead.Id,
            SubmittedAt = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Set<AnnualReview>().Add(review);
        Audit(request, lead.Id, "annual.submitted", review);
        if (!await SaveAsync(cancellationToken))
        {
            return null;
        }

        await CompleteTeamAsync(request, lead, manager.Team!, year, cancellationToken);
        return await db.Set<AnnualReview>().AsNoTracking().SingleAsync(r => r.Id == review.Id, cancellationToken);
    }

    /// <summary>
    /// Once every manager of the team has a submitted review: each is ranked in the team by the yearly score it was
    /// submitted with; the top share (rounded up, so a share above 0 proposes at least one; equal scores at the edge
    /// all in) and then the bottom share of those with a score are proposed to the decider, who gets each; the others
    /// are finished and their managers get them. Done once: a second completion (another delegate's last submission at
    /// the same moment) fails on the stamps and changes nothing.
    /// </summary>
    private async Task CompleteTeamAsync(BotRequest request, Person actor, Team team, int year, CancellationToken cancellationToken)
    {
        var members = await db.People.AsNoTracking().Where(p => p.TenantId == team.TenantId && p.TeamId == team.Id && p.Id != team.LeadId).Select(p => p.Id).ToListAsync(cancellationToken);
        var reviews = await db.Set<AnnualReview>().Where(r => r.TenantId == team.TenantId && r.TeamId == team.Id && r.Year == year).ToListAsync(cancellationToken);
        if (members.Any(m => reviews.All(r => r.ManagerId != m)) || reviews.Any(r => r.State != AnnualState.Submitted))
        {
            return;
        }

        var scored = reviews.Where(r => r.YearlyScore is not null).OrderByDescending(r => r.YearlyScore).ToList();
        var top = Share(scored, options.Value.TopShare);
        var bottom = Share(Enumerable.Reverse(scored).ToList(), options.Value.BottomShare).Where(r => !top.Contains(r)).ToList();
        var decider = await AssessmentDeciders.AboveAsync(db, team, actor, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var review in reviews)
        {
            if (review.YearlyScore is { } score)
            {
                review.TeamRank = scored.Count(r => r.YearlyScore > score) + 1;
                review.TeamRanked = scored.Count;
            }

            review.Proposal = top.Contains(review) ? AnnualProposal.Top : bottom.Contains(review) ? AnnualProposal.Bottom : AnnualProposal.None;
            review.DeciderId = decider;
            review.MoveTo(review.Proposal == AnnualProposal.None ? AnnualState.Finished : AnnualState.Proposed);
            Audit(request, actor.Id, review.Proposal == AnnualProposal.None ? "annual.finished" : "annual.proposed", review);
            if (review.Proposal == AnnualProposal.None)
            {
                db.Notifications.Add(Notification.Create(review.TenantId, Finished, review.Id.ToString(), 0, review.ManagerId, now));
            }
        }

        foreach (var review in reviews.Where(r => r.Proposal != AnnualProposal.None))
        {
            foreach (var recipient in await DecidersAsync(review, cancellationToken))
            {
                db.Notifications.Add(Notification.Create(review.TenantId, Proposed, review.Id.ToString(), 0, recipient, now));
            }
        }

        await SaveAsync(cancellationToken);
    }

    /// <summary>The first ⌈count × share⌉ of the ordered reviews, and any after them with the same score as the last taken.</summary>
    private static List<AnnualReview> Share(List<AnnualReview> ordered, decimal share)
    {
        var take = (int)Math.Ceiling(ordered.Count * share);
        if (take == 0)
        {
            return [];
        }

        var edge = ordered[take - 1].YearlyScore;
        return [.. ordered.Take(take).Concat(ordered.Skip(take).TakeWhile(r => r.YearlyScore == edge))];
    }

    /// <summary>The decision on a proposal with its reason: the manager is told the outcome, and the lead (and whoever submitted).</summary>
    public async Task<bool> DecideAsync(BotRequest request, Person decider, AnnualReview review, AnnualDecision decision, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        review.Decision = decision;
        review.DecisionReason = reason;
        review.DecidedById = decider.Id;
        review.DecidedAt = now;
        review.MoveTo(AnnualState.Decided);
        Audit(request, decider.Id, "annual.decided", review);
        db.Notifications.Add(Notification.Create(review.TenantId, Finished, review.Id.ToString(), 0, review.ManagerId, now));
        var lead = await db.Teams.AsNoTracking().Where(t => t.Id == review.TeamId).Select(t => t.LeadId).SingleOrDefaultAsync(cancellationToken);
        foreach (var recipient in new[] { lead, review.SubmittedById }.OfType<string>().Distinct(StringComparer.Ordinal).Where(r => r != decider.Id && r != review.ManagerId))
        {
            db.Notifications.Add(Notification.Create(review.TenantId, Decided, review.Id.ToString(), 0, recipient, now));
        }

        return await SaveAsync(cancellationToken);
    }

    private Task<bool> SaveAsync(CancellationToken cancellationToken) => AssessmentSaves.SaveOnceAsync(db, dispatcher, cancellationToken);

    private void Audit(BotRequest request, string actorId, string action, AnnualReview review) =>
        db.Set<AuditEntry>().Add(AuditEntry.Of(request, review.TenantId, actorId, action, SubjectType, review.Id.ToString(), null, time.GetUtcNow()));
}
