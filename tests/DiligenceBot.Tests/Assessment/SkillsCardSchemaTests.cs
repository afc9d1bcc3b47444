using DiligenceBot.Assessment;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The skills assessment's cards for the card gallery (validated at schema 1.5 and drawn at 360 and 800 px): the team
/// card, the lead's rating card (blank, completed, with errors, read-only), the quiz (and with an unanswered question),
/// the scored quiz, and the result with weak areas and without.
/// </summary>
public static class SkillsCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var topics = TrainingTopics.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "training-topics.json"));
        var rules = SkillsRules.Load(Path.Combine(RepoTools.RepoRoot, "seeds", SkillsRules.FileName), topics);
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组" };
        Person Manager(string id, string name) => new() { Id = id, TenantId = "t", AadObjectId = id, DisplayName = name, Team = east1, TeamId = east1.Id };
        var chen = Manager("chen-jie", "Chen Jie 陈杰");
        var wang = Manager("wang-lei", "Wang Lei 王磊");
        var half = RecordPeriod.Holding(RecordPeriodKind.HalfYear, new DateOnly(2026, 7, 1));
        var sent = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var quiz = new SkillsQuiz { Id = Guid.NewGuid(), TenantId = "t", TeamId = east1.Id, ManagerId = chen.Id, HalfKey = half.Key, Year = 2026, SentById = "li-na", SentAt = sent };
        var order = 0;
        foreach (var topic in rules.Areas.Where(a => a.IsTopic))
        {
            foreach (var question in rules.Banks[topic.Id].Take(2))
            {
                quiz.Questions.Add(new SkillsQuizQuestion { TenantId = "t", ManagerId = chen.Id, Year = 2026, QuestionId = question.Id, TopicId = topic.Id, Order = order++ });
            }
        }

        var answered = new SkillsQuiz
        {
            Id = quiz.Id, TenantId = "t", TeamId = east1.Id, ManagerId = chen.Id, HalfKey = half.Key, Year = 2026, SentById = "li-na", SentAt = sent, AnsweredAt = sent.AddDays(1),
            Questions = [.. quiz.Questions.Select(q => new SkillsQuizQuestion
            {
                TenantId = "t", ManagerId = chen.Id, Year = 2026, QuestionId = q.QuestionId, TopicId = q.TopicId, Order = q.Order,
                Chosen = q.TopicId is "market" or "communication" ? (rules.Question(q.QuestionId)!.RightChoice + 1) % 4 : rules.Question(q.QuestionId)!.RightChoice,
            })],
        };
        answered.Questions.ForEach(q => q.Right = q.Chosen == rules.Question(q.QuestionId)!.RightChoice);
        answered.Correct = answered.Questions.Count(q => q.Right == true);
        var evidence = new Dictionary<string, string>
        {
            ["company"] = "能讲清公司的组织机构和考核办法。", ["product"] = "主销品牌的价格和卖点掌握扎实，陪访时介绍清楚。", ["market"] = "对相邻市场价格变化了解不够，测验两题都答错。",
            ["sales"] = "拜访计划按档位安排，执行较好。", ["communication"] = "处理投诉时急于解释，没有先听零售户说完。", ["administration"] = "能写简单的品牌分析。",
            ["know-and-do"] = "岗位应知应会内容基本掌握。", ["systems"] = "日志和信息传递表都能按时在系统中填写。", ["tools"] = "会用电子表格做客户统计。", ["analysis"] = "能看出销量变化，但分析原因不够深入。",
        };
        var ratings = new Dictionary<string, int> { ["market"] = 3, ["communication"] = 2, ["analysis"] = 3, ["product"] = 5 };
        var assessment = new SkillsAssessment
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = east1.Id, ManagerId = chen.Id, HalfKey = half.Key, Year = 2026, RatedById = "li-na", RatedAt = sent.AddDays(2), Revision = 1, QuizId = answered.Id,
        };
        var areaOrder = 0;
        foreach (var area in rules.Areas)
        {
            var asked = area.IsTopic ? answered.Questions.Count(q => q.TopicId == area.Id) : (int?)null;
            var result = new SkillsAreaResult
            {
                AreaId = area.Id, NameEn = area.NameEn, NameZh = area.NameZh, IsTopic = area.IsTopic, Order = areaOrder++, Rating = ratings.GetValueOrDefault(area.Id, 4),
                Evidence = evidence[area.Id], QuizAsked = asked, QuizCorrect = asked is null ? null : answered.Questions.Count(q => q.TopicId == area.Id && q.Right == true),
            };
            result.Weak = rules.IsWeak(result.Rating, result.QuizPercent);
            assessment.Areas.Add(result);
        }

        var strong = new SkillsAssessment
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = east1.Id, ManagerId = wang.Id, HalfKey = half.Key, Year = 2026, RatedById = "li-na", RatedAt = sent.AddDays(2), Revision = 2,
            Areas = [.. rules.Areas.Select((a, i) => new SkillsAreaResult { AreaId = a.Id, NameEn = a.NameEn, NameZh = a.NameZh, IsTopic = a.IsTopic, Order = i, Rating = 4, Evidence = evidence[a.Id] })],
        };
        var training = new Dictionary<string, List<MinutesRegister.TrainingAttended>>
        {
            ["product"] = [new("chen-jie", Guid.NewGuid(), new DateOnly(2026, 11, 12), 2, ["product"]), new("chen-jie", Guid.NewGuid(), new DateOnly(2026, 9, 8), 1.5, ["product", "sales"])],
            ["sales"] = [new("chen-jie", Guid.NewGuid(), new DateOnly(2026, 9, 8), 1.5, ["product", "sales"])],
        };
        var proposed = new Dictionary<string, List<SkillsBook.ProposedTraining>>
        {
            ["market"] = [],
            ["communication"] = [new(Guid.NewGuid(), new DateOnly(2026, 11, 20), 2, false), new(Guid.NewGuid(), new DateOnly(2026, 8, 14), 1.5, true)],
        };
        var names = new Dictionary<string, string> { ["li-na"] = "Li Na 李娜" };
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            SkillsCards.RatingView View(SkillsAssessment? a, IReadOnlyList<SkillsQuiz> quizzes, bool mayRate) => new(chen, half, a, quizzes, training, names, mayRate);
            var errors = new SkillsCards.Inputs(
                new() { [SkillsCards.RatingInput("company")] = "6", [SkillsCards.EvidenceInput("product")] = "主销品牌掌握扎实。" },
                new()
                {
                    [SkillsCards.RatingInput("company")] = Texts.Skills.RatingOutOfRange.Format(language, rules.Areas[0].Name(language), "6"),
                    [SkillsCards.EvidenceInput("company")] = Texts.Skills.EvidenceMissing.Format(language, rules.Areas[0].Name(language)),
                    [SkillsCards.RatingInput("product")] = Texts.Skills.RatingMissing.Format(language, rules.Areas[1].Name(language)),
                },
                Texts.Skills.FixErrors.In(language));
            var quizErrors = new SkillsCards.Inputs(
                new() { [SkillsCards.AnswerInput(quiz.Questions[1].QuestionId)] = "2" },
                new() { [SkillsCards.AnswerInput(quiz.Questions[0].QuestionId)] = Texts.Skills.AnswerMissing.In(language) },
                Texts.Skills.FixErrors.In(language));
            yield return ($"skills-team.{tag}", SkillsCards.Teams([new(east1, [new(chen, assessment, answered), new(wang, null, quiz)])], half, language));
            yield return ($"skills-rate.{tag}", SkillsCards.Rating(View(null, [], true), rules, language));
            yield return ($"skills-rate-done.{tag}", SkillsCards.Rating(View(assessment, [answered], true), rules, language,
                new([], [], Texts.Skills.QuizSentNotice.Format(language, chen.DisplayName, 12))));
            yield return ($"skills-rate-errors.{tag}", SkillsCards.Rating(View(null, [quiz], true), rules, language, errors));
            yield return ($"skills-rate-readonly.{tag}", SkillsCards.Rating(View(null, [quiz], false), rules, language));
            yield return ($"skills-quiz.{tag}", SkillsCards.Quiz(quiz, rules, "Li Na 李娜", language));
            yield return ($"skills-quiz-errors.{tag}", SkillsCards.Quiz(quiz, rules, "Li Na 李娜", language, quizErrors));
            yield return ($"skills-quiz-scored.{tag}", SkillsCards.Scored(answered, rules, east1, language));
            yield return ($"skills-result.{tag}", SkillsCards.Result(assessment, chen, "Li Na 李娜", rules, proposed, language));
            yield return ($"skills-result-strong.{tag}", SkillsCards.Result(strong, wang, "Li Na 李娜", rules, new Dictionary<string, List<SkillsBook.ProposedTraining>>(), language, Texts.Skills.CompletedNotice.Format(language, wang.DisplayName)));
        }
    }
}
