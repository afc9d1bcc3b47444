using DiligenceBot.Assessment;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Coaching;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The yearly review's cards for the card gallery (validated at schema 1.5 and drawn at 360 and 800 px): the team's
/// reviews (one team and several), a manager's review to write (and with an error), submitted and waiting for the team,
/// proposed as the decider decides it (and with errors), decided as the manager and the lead read it, and a year still
/// under way.
/// </summary>
public static class AnnualCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var library = new CoachingLibrary(Path.Combine(RepoTools.RepoRoot, "seeds", "coaching"));
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组" };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组" };
        Person Manager(string id, string name, Team team) => new() { Id = id, TenantId = "t", AadObjectId = id, DisplayName = name, Team = team, TeamId = team.Id };
        var chenJie = Manager("chen-jie", "Chen Jie 陈杰", east1);
        var chen = new AnnualFigures(chenJie,
            Enumerable.Range(1, 12).Where(m => m != 3).ToDictionary(m => m, m => 80m + m + (m == 12 ? 3 : 0)),
            new Dictionary<int, decimal> { [1] = 85, [3] = 87, [4] = 88.5m }, 87.1m, (1, 2), (2, 4));
        var wang = new AnnualFigures(Manager("wang-lei", "Wang Lei 王磊", east1), Enumerable.Range(1, 12).ToDictionary(m => m, _ => 70m), new Dictionary<int, decimal>(), 70m, (2, 2), (3, 4));
        var sun = new AnnualFigures(Manager("sun-hao", "Sun Hao 孙浩", east2), new Dictionary<int, decimal>(), new Dictionary<int, decimal>(), null, null, null);
        var names = new Dictionary<string, string> { ["li-na"] = "Li Na 李娜", ["liu-yang"] = "Liu Yang 刘洋" };
        var coaching = new AnnualCoaching([(ManagerType.LacksInitiative, new DateOnly(2026, 3, 4)), (ManagerType.Excellent, new DateOnly(2026, 9, 8))], 6, 1, 1);
        var quiet = new AnnualCoaching([], 0, 0, 0);
        var skills = new SkillsAssessment
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = "east-1", ManagerId = "chen-jie", HalfKey = "2026-H2", Year = 2026, RatedById = "li-na",
            Areas =
            [
                new SkillsAreaResult { AreaId = "product", NameEn = "Product knowledge", NameZh = "产品知识", IsTopic = true, Order = 1, Rating = 4, Evidence = "x" },
                new SkillsAreaResult { AreaId = "market", NameEn = "Market knowledge", NameZh = "市场知识", IsTopic = true, Order = 2, Rating = 2, Evidence = "x", Weak = true },
                new SkillsAreaResult { AreaId = "communication", NameEn = "Communication", NameZh = "沟通技巧", IsTopic = true, Order = 3, Rating = 5, Evidence = "x" },
            ],
        };
        AnnualReview Review(AnnualState state, AnnualProposal proposal, AnnualDecision? decision = null) => new()
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = "east-1", ManagerId = "chen-jie", Year = 2026, State = state, YearlyScore = 87.1m, MonthsScored = 11,
            Evaluation = "全年拜访率稳定在95%以上，客户评价组内最好；下半年主动带新人熟悉片区。建议明年承担重点客户维护。",
            SubmittedById = "li-na", SubmittedAt = new DateTimeOffset(2027, 1, 11, 2, 0, 0, TimeSpan.Zero),
            TeamRank = state == AnnualState.Submitted ? null : 1, TeamRanked = state == AnnualState.Submitted ? null : 2, Proposal = proposal, DeciderId = "liu-yang",
            Decision = decision, DecisionReason = decision is null ? null : "Best customer evaluations of the district; ready to lead the key accounts.",
            DecidedById = decision is null ? null : "liu-yang", DecidedAt = decision is null ? null : new DateTimeOffset(2027, 1, 12, 6, 0, 0, TimeSpan.Zero),
        };
        var submitted = Review(AnnualState.Submitted, AnnualProposal.None);
        var proposed = Review(AnnualState.Proposed, AnnualProposal.Top);
        var decided = Review(AnnualState.Decided, AnnualProposal.Top, AnnualDecision.Advance);
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            AnnualCards.ManagerView View(AnnualReview? review, AnnualCards.Viewer viewer, bool yearOver = true, AnnualFigures? figures = null) =>
                new(chenJie, east1, 2026, figures ?? chen, review, review is null ? null : skills, coaching, library, names, viewer, yearOver, false);
            yield return ($"annual-team.{tag}", AnnualCards.Teams([new(east1, [(chen, proposed), (wang, null)])], 2026, language));
            yield return ($"annual-teams.{tag}", AnnualCards.Teams([new(east1, [(chen, decided), (wang, Review(AnnualState.Submitted, AnnualProposal.None))]), new(east2, [(sun, null)])], 2026, language));
            yield return ($"annual-write.{tag}", AnnualCards.Manager(View(null, AnnualCards.Viewer.Lead), language));
            yield return ($"annual-write-errors.{tag}", AnnualCards.Manager(View(null, AnnualCards.Viewer.Lead), language,
                new() { [AnnualCards.EvaluationInput] = " " },
                new() { [AnnualCards.EvaluationInput] = Texts.Annual.EvaluationMissing.Format(language, "Chen Jie 陈杰") }, Texts.Annual.NotSubmitted.In(language)));
            yield return ($"annual-submitted.{tag}", AnnualCards.Manager(View(submitted, AnnualCards.Viewer.Lead), language,
                notice: Texts.Annual.SubmittedWaiting.Format(language, DiligenceBot.WorkLogs.WorkLogCards.TeamName(east1, language))));
            yield return ($"annual-proposed.{tag}", AnnualCards.Manager(View(proposed, AnnualCards.Viewer.Decider), language,
                notice: Texts.Annual.ProposedSummary.Format(language, "Chen Jie 陈杰", 2026)));
            yield return ($"annual-proposed-errors.{tag}", AnnualCards.Manager(View(proposed, AnnualCards.Viewer.Decider), language,
                new() { [AnnualCards.DecisionInput] = "advance" },
                new() { [AnnualCards.ReasonInput] = Texts.Annual.ReasonMissing.In(language) }, Texts.Annual.NotDecided.In(language)));
            yield return ($"annual-decided-manager.{tag}", AnnualCards.Manager(View(decided, AnnualCards.Viewer.Manager), language,
                notice: Texts.Annual.FinishedSummary.Format(language, 2026)));
            yield return ($"annual-decided-lead.{tag}", AnnualCards.Manager(View(decided, AnnualCards.Viewer.Overseer), language,
                notice: Texts.Annual.DecidedSummary.Format(language, "Chen Jie 陈杰", 2026)));
            yield return ($"annual-year-open.{tag}", AnnualCards.Manager(new(chenJie, east1, 2027, sun with { Manager = chenJie }, null, null, quiet, library, names, AnnualCards.Viewer.Lead, false, false), language));
        }
    }
}
