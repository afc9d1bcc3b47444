using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Audit;
using DiligenceBot.Files;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The half-year skills assessment through /api/messages (SQLite, and PostgreSQL when test.sh points the suite at it).
/// East 1: Li Na leads Wang Lei and Chen Jie; East 2: Wang Lei leads Zhao Min and Sun Hao. The clock is Thursday
/// 3 December 2026 in Shanghai: the second half of 2026 is under way. Chen Jie attended a product-knowledge training on
/// 12 November (2 h) and missed a communication training on 20 November.
/// </summary>
public sealed class SkillsFlowTests : IAsyncLifetime
{
    private const string ConsentType = "application/vnd.microsoft.teams.card.file.consent";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;
    private Guid _missedTraining;

    private Chats Chats => _t.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new WorkLogDriver(_bot, _connector);
        foreach (var user in new[] { TeamsUser.WangLei, TeamsUser.LiNa, TeamsUser.ChenJie })
        {
            await _t.InstallAsync(user, user == TeamsUser.ChenJie ? "zh-CN" : "en-US");
        }

        await using var db = _bot.CreateDbContext();
        MeetingMinutes Training(DateOnly day, string topic, bool chenPresent) => new()
        {
            Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = "east-1", DraftId = Guid.NewGuid(), MeetingDate = day, Kind = MeetingKind.Training,
            RecordedById = "li-na", RecordedAt = _time.GetUtcNow(), Topics = "培训", TrainingTopicIds = [topic], TrainingFormat = TrainingFormat.Session, TrainingHours = 2,
            Revision = 1, ConcurrencyStamp = Guid.NewGuid(),
            Attendance =
            [
                new MeetingAttendance { PersonId = "chen-jie", Present = chenPresent, AbsenceReason = chenPresent ? null : "走访客户" },
                new MeetingAttendance { PersonId = "wang-lei", Present = true },
            ],
        };
        var missed = Training(new DateOnly(2026, 11, 20), "communication", chenPresent: false);
        _missedTraining = missed.Id;
        db.Set<MeetingMinutes>().AddRange(Training(new DateOnly(2026, 11, 12), "product", chenPresent: true), missed);
        await db.SaveChangesAsync();
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static readonly string[] Areas = ["company", "product", "market", "sales", "communication", "administration", "know-and-do", "systems", "tools", "analysis"];

    private static List<string> InputIds(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } t && t.StartsWith("Input.", StringComparison.Ordinal) => [o["id"]!.GetValue<string>()],
        JsonObject o => [.. o.Where(p => p.Value is not null).SelectMany(p => InputIds(p.Value!))],
        JsonArray a => [.. a.Where(x => x is not null).SelectMany(x => InputIds(x!))],
        _ => [],
    };

    private static string? Value(JsonObject card, string id) => ById(card, id)?["value"]?.GetValue<string>();

    private async Task<JsonObject> RatingCardAsync(TeamsUser lead, string managerId = "chen-jie", string half = "2026-H2") =>
        (await _t.ExecuteAsync(lead, SkillsCards.SkillsVerb, new JsonObject { ["verb"] = SkillsCards.SkillsVerb, ["half"] = half, ["managerId"] = managerId })).Card!;

    /// <summary>The Complete button's data with every area rated 4 with evidence, then <paramref name="change"/>.</summary>
    private static JsonObject Filled(JsonObject card, Action<JsonObject>? change = null)
    {
        var data = Copy(Action(card, SkillsCards.CompleteVerb)!["data"]!.AsObject());
        foreach (var area in Areas)
        {
            data[SkillsCards.RatingInput(area)] = "4";
            data[SkillsCards.EvidenceInput(area)] = "陪访两次，讲解清楚。";
        }

        change?.Invoke(data);
        return data;
    }

    private async Task<SkillsAssessment?> StoredAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.Set<SkillsAssessment>().AsNoTracking().Include(s => s.Areas).SingleOrDefaultAsync(s => s.ManagerId == "chen-jie");
    }

    [Fact]
    public async Task Lead_RatesEveryAreaWithEvidence_TheResultIsStoredOnce_AndTheManagerReceivesIt_WeakTopicsWithCoachingAndTraining()
    {
        var card = await RatingCardAsync(TeamsUser.LiNa);
        Assert.Equal("Skills assessment · Chen Jie 陈杰 · " + CardDates.HalfYear(new DateOnly(2026, 7, 1), Language.EnUs), Title(card));
        Assert.Equal(Areas.SelectMany(a => new[] { SkillsCards.RatingInput(a), SkillsCards.EvidenceInput(a) }), InputIds(card));
        // The manager's training record of the half-year beside each topic.
        Assert.Equal(CardDates.KeepCounts($"Training this half-year: 1 session(s), 2 h, latest {CardDates.Short(new DateOnly(2026, 11, 12), Language.EnUs)}"), Text(card, "training.product"));
        Assert.Equal(CardDates.KeepCounts("Training this half-year: none on this topic"), Text(card, "training.communication"));
        Assert.Equal("Quiz: not sent this half-year (optional).", Text(card, "quiz"));
        Assert.Equal("What you must know and be able to do", Text(card, "area.know-and-do"));

        var (result, _) = await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.CompleteVerb, Filled(card, d =>
        {
            d[SkillsCards.RatingInput("communication")] = "2";
            d[SkillsCards.EvidenceInput("communication")] = "处理投诉时急于解释，没有先听零售户说完。";
        }));

        Assert.Equal("Completed and sent to Chen Jie 陈杰.", Text(result!, "notice"));
        var stored = await StoredAsync();
        Assert.NotNull(stored);
        Assert.Equal(("2026-H2", 2026, 1, "li-na"), (stored.HalfKey, stored.Year, stored.Revision, stored.RatedById));
        Assert.Equal(Areas, stored.Areas.OrderBy(a => a.Order).Select(a => a.AreaId));
        Assert.Equal(["communication"], stored.Weak.Select(a => a.AreaId));
        Assert.Equal("处理投诉时急于解释，没有先听零售户说完。", stored.Areas.Single(a => a.AreaId == "communication").Evidence);

        // The manager gets the result in Chinese: the weak topic with the seeds' coaching action and the team's training he missed.
        var sent = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, SkillsBook.Completed));
        Assert.Equal("Chen Jie 陈杰·" + CardDates.HalfYear(new DateOnly(2026, 7, 1), Language.ZhCn) + "技能评估结果", Title(sent));
        Assert.Equal("沟通技巧：2分", Text(sent, "area.communication"));
        Assert.Equal("沟通技巧（评分2分）", Text(sent, "weak.communication"));
        Assert.StartsWith("辅导措施：组长陪同客户经理走访一次有过意见的零售户", Text(sent, "coaching.communication"), StringComparison.Ordinal);
        Assert.Equal($"培训安排：{CardDates.Short(new DateOnly(2026, 11, 20), Language.ZhCn)}培训2小时，未参加，请阅读纪要", Text(sent, "trainings.communication"));
        var minutes = Action(sent, MinutesCards.ViewVerb)!;
        Assert.Equal(_missedTraining.ToString(), minutes["data"]!["minutesId"]!.GetValue<string>());
        var (opened, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, MinutesCards.ViewVerb, minutes["data"]!.AsObject().DeepClone().AsObject(), locale: "zh-CN");
        Assert.NotNull(opened);

        // The manager sees his own result by typing; he never sees anyone else's.
        var mine = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "技能评估", "zh-CN"));
        Assert.Equal(Title(sent), Title(mine));
        Assert.Equal("您尚未加入通讯录，请联系管理员。", Chats.TextOf(await Chats.SayAsync(TeamsUser.Stranger, "技能评估", "zh-CN")));
    }

    [Fact]
    public async Task Lead_SubmitsAgain_ANewRevision_Audited_AndAStaleCardIsRefusedShowingTheStoredOne()
    {
        var card = await RatingCardAsync(TeamsUser.LiNa);
        await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.CompleteVerb, Filled(card));
        var again = await RatingCardAsync(TeamsUser.LiNa);
        Assert.Equal("4", Value(again, SkillsCards.RatingInput("analysis")));
        Assert.StartsWith("Completed by Li Na 李娜 on ", Text(again, "completed"), StringComparison.Ordinal);

        await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.CompleteVerb, Filled(again, d => d[SkillsCards.RatingInput("analysis")] = "1"));
        // The first card (revision 0) sent again: nothing overwritten.
        var (stale, _) = await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.CompleteVerb, Filled(card));

        Assert.StartsWith("Li Na 李娜 completed this assessment meanwhile", Text(stale!, "notice"), StringComparison.Ordinal);
        Assert.Equal("1", Value(stale!, SkillsCards.RatingInput("analysis")));
        var stored = await StoredAsync();
        Assert.Equal(2, stored!.Revision);
        Assert.Equal(["analysis"], stored.Weak.Select(a => a.AreaId));
        await using var db = _bot.CreateDbContext();
        Assert.Equal(["skills.completed li-na 1", "skills.revised li-na 2"], await db.Set<AuditEntry>().Where(a => a.SubjectType == SkillsBook.SubjectType).OrderBy(a => a.Id)
            .Select(a => a.Action + " " + a.ActorId + " " + a.Revision).ToListAsync());
        Assert.Equal(2, (await Chats.AllNotifiedAsync(TeamsUser.ChenJie, SkillsBook.Completed)).Count);
    }

    [Theory]
    [InlineData("0", "4", "陪访两次。", "Company knowledge: a rating is a whole number from 1 to 5, not “0”.", "error.rating.company")]
    [InlineData("6", "4", "陪访两次。", "Company knowledge: a rating is a whole number from 1 to 5, not “6”.", "error.rating.company")]
    [InlineData("", "4", "陪访两次。", "Company knowledge: choose a rating from 1 to 5.", "error.rating.company")]
    [InlineData("3", "4", "  ", "Market knowledge: write what the rating rests on.", "error.evidence.market")]
    public async Task BadRatings_AreRefusedOnTheCard_WithWhatWasTyped_AndNothingStored(string company, string product, string marketEvidence, string error, string errorId)
    {
        var card = await RatingCardAsync(TeamsUser.LiNa);

        var (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.CompleteVerb, Filled(card, d =>
        {
            d[SkillsCards.RatingInput("company")] = company;
            d[SkillsCards.RatingInput("product")] = product;
            d[SkillsCards.EvidenceInput("market")] = marketEvidence;
            d[SkillsCards.EvidenceInput("sales")] = "拜访计划按档位排得很清楚。";
        }));

        Assert.Equal("Nothing was saved; please correct the items marked below.", Text(back!, "notice"));
        Assert.Equal(error, Text(back!, errorId));
        Assert.Equal(company, Value(back!, SkillsCards.RatingInput("company")));
        Assert.Equal("拜访计划按档位排得很清楚。", Value(back!, SkillsCards.EvidenceInput("sales")));
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task AnotherLeadsManager_AndAManager_AreRefused_WithASpecificMessage()
    {
        var card = await RatingCardAsync(TeamsUser.LiNa);

        // Wang Lei leads East 2, not Chen Jie's team.
        var (_, answer) = await _t.ExecuteAsync(TeamsUser.WangLei, SkillsCards.CompleteVerb, Filled(card));
        Assert.Contains("Chen Jie 陈杰 is not in a team you lead or oversee; only Chen Jie 陈杰's lead chain and admins see Chen Jie 陈杰's skills assessment.", answer.Said(), StringComparison.Ordinal);
        (_, answer) = await _t.ExecuteAsync(TeamsUser.WangLei, SkillsCards.SendQuizVerb, Copy(Action(card, SkillsCards.SendQuizVerb)!["data"]!.AsObject()));
        Assert.Contains("is not in a team you lead or oversee", answer.Said(), StringComparison.Ordinal);
        Assert.Equal("Chen Jie 陈杰 is not in a team you lead or oversee; only Chen Jie 陈杰's lead chain and admins see Chen Jie 陈杰's skills assessment.",
            Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "skills Chen Jie")));
        Assert.Null(await StoredAsync());
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<SkillsQuiz>().ToListAsync());
    }

    private async Task<SkillsQuiz> SendQuizAsync()
    {
        var card = await RatingCardAsync(TeamsUser.LiNa);
        var (back, answer) = await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.SendQuizVerb, Copy(Action(card, SkillsCards.SendQuizVerb)!["data"]!.AsObject()));
        Assert.True(back is not null, answer.Said());
        Assert.StartsWith("Quiz sent to Chen Jie 陈杰: ", Text(back, "notice"), StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        return await db.Set<SkillsQuiz>().AsNoTracking().Include(q => q.Questions).OrderByDescending(q => q.SentAt).ThenByDescending(q => q.Questions.Count).FirstAsync(q => q.AnsweredAt == null);
    }

    private static JsonObject Answers(JsonObject quizCard, Func<string, int, string> choose)
    {
        var data = Copy(Action(quizCard, SkillsCards.AnswerQuizVerb)!["data"]!.AsObject());
        var number = 0;
        foreach (var id in InputIds(quizCard))
        {
            data[id] = choose(id["answer.".Length..], number++);
        }

        return data;
    }

    [Fact]
    public async Task Quiz_SentAnsweredScored_LockedAfterwards_AndItsScoresGoIntoTheResult()
    {
        var rules = SkillsRules.Load(Path.Combine(RepoTools.RepoRoot, "seeds", SkillsRules.FileName), TrainingTopics.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "training-topics.json")));
        var quiz = await SendQuizAsync();
        Assert.Equal(12, quiz.Questions.Count);
        Assert.All(quiz.Questions.GroupBy(q => q.TopicId), g => Assert.Equal(2, g.Count()));
        var quizCard = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, SkillsBook.QuizSent));
        Assert.Equal(CardDates.HalfYear(new DateOnly(2026, 7, 1), Language.ZhCn) + "技能测验", Title(quizCard));
        Assert.Equal(quiz.Questions.OrderBy(q => q.Order).Select(q => SkillsCards.AnswerInput(q.QuestionId)), InputIds(quizCard));

        // One question left out: the card comes back with the choices made and the missing one marked; nothing stored.
        var first = quiz.Questions.OrderBy(q => q.Order).First().QuestionId;
        var partial = Answers(quizCard, (id, i) => "0");
        partial.Remove(SkillsCards.AnswerInput(first));
        var (back, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, SkillsCards.AnswerQuizVerb, partial, locale: "zh-CN");
        Assert.Equal("请选择一个答案。", Text(back!, "error." + SkillsCards.AnswerInput(first)));
        var second = quiz.Questions.OrderBy(q => q.Order).Skip(1).First().QuestionId;
        Assert.Equal("0", Value(back!, SkillsCards.AnswerInput(second)));

        // Another manager answering is refused. Then Chen Jie answers: product and company right, the rest wrong.
        var (_, foreign) = await _t.ExecuteAsync(TeamsUser.WangLei, SkillsCards.AnswerQuizVerb, Answers(quizCard, (id, i) => "0"));
        Assert.Contains("This quiz was sent to another account manager; only they answer it.", foreign.Said(), StringComparison.Ordinal);
        string Choice(string id, int i)
        {
            var question = rules.Question(id)!;
            var right = question.RightChoice;
            return (question.TopicId is "product" or "company" ? right : (right + 1) % question.Choices!.Count).ToString(CultureInfo.InvariantCulture);
        }

        var (scored, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, SkillsCards.AnswerQuizVerb, Answers(quizCard, Choice), locale: "zh-CN");
        Assert.Equal("共12题，您答对4题（正确率33%）。", Text(scored!, "score"));
        Assert.Equal("产品知识：2题答对2题", Text(scored!, "topic.product"));

        // The answers cannot change: the same card again is refused, and the lead was told the score.
        var (_, again) = await _t.ExecuteAsync(TeamsUser.ChenJie, SkillsCards.AnswerQuizVerb, Answers(quizCard, (id, i) => "0"), locale: "zh-CN");
        Assert.Contains($"您已于{CardDates.Long(new DateOnly(2026, 12, 3), Language.ZhCn)}作答这份测验，答案不能修改。", again.Said(), StringComparison.Ordinal);
        await using (var db = _bot.CreateDbContext())
        {
            var stored = await db.Set<SkillsQuiz>().Include(q => q.Questions).SingleAsync();
            Assert.Equal(4, stored.Correct);
            Assert.All(stored.Questions, q => Assert.Equal(q.TopicId is "product" or "company", q.Right));
        }

        var told = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, SkillsBook.QuizAnswered));
        Assert.Equal("Chen Jie 陈杰 answered the skills quiz: 4 of 12 right", Text(told, "notice"));

        // The lead completes the assessment: the quiz's figures per topic are kept, and a topic below the pass mark is weak however it was rated.
        var card = await RatingCardAsync(TeamsUser.LiNa);
        Assert.Equal("Quiz: 0 of 2 right", Text(card, "quizline.market"));
        await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.CompleteVerb, Filled(card));
        var result = await StoredAsync();
        Assert.Equal((2, 2), (result!.Areas.Single(a => a.AreaId == "product").QuizAsked, result.Areas.Single(a => a.AreaId == "product").QuizCorrect));
        Assert.Equal(["market", "sales", "communication", "administration"], result.Weak.Select(a => a.AreaId));
    }

    [Fact]
    public async Task Quiz_NeverRepeatsAQuestionWithinTheYear_AndOnceTheBankIsUsedUp_NothingIsSent()
    {
        var asked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var quiz = await SendQuizAsync();
            asked.AddRange(quiz.Questions.Select(q => q.QuestionId));
            var quizCard = CardOf((await Chats.AllNotifiedAsync(TeamsUser.ChenJie, SkillsBook.QuizSent, n => n.SubjectId == quiz.Id.ToString())).Single());
            var (scored, answer) = await _t.ExecuteAsync(TeamsUser.ChenJie, SkillsCards.AnswerQuizVerb, Answers(quizCard, (id, n) => "0"), locale: "zh-CN");
            Assert.True(scored is not null, answer.Said());
        }

        // 2 + 2 + 1 questions of each five-question topic, 2 + 2 + 2 of the six of company and product knowledge: all 32, none twice.
        Assert.Equal(32, asked.Count);
        Assert.Equal(asked.Count, asked.Distinct(StringComparer.Ordinal).Count());

        var card = await RatingCardAsync(TeamsUser.LiNa);
        var (_, refused) = await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.SendQuizVerb, Copy(Action(card, SkillsCards.SendQuizVerb)!["data"]!.AsObject()));
        Assert.Contains("Chen Jie 陈杰 has been asked every question of the question bank in 2026; no quiz was sent.", refused.Said(), StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        Assert.Equal(3, await db.Set<SkillsQuiz>().CountAsync());
    }

    [Fact]
    public async Task Quiz_WhileOneIsUnanswered_NoSecondIsSent()
    {
        await SendQuizAsync();
        var card = await RatingCardAsync(TeamsUser.LiNa);
        Assert.Null(Action(card, SkillsCards.SendQuizVerb));

        var (_, refused) = await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.SendQuizVerb,
            new JsonObject { ["verb"] = SkillsCards.SendQuizVerb, ["half"] = "2026-H2", ["managerId"] = "chen-jie" });

        Assert.Contains("Chen Jie 陈杰 has not answered the quiz sent on", refused.Said(), StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        Assert.Equal(1, await db.Set<SkillsQuiz>().CountAsync());
    }

    [Fact]
    public async Task Lead_ExportsTheTeamsResults_TheFileReadBack()
    {
        var card = await RatingCardAsync(TeamsUser.LiNa);
        await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.CompleteVerb, Filled(card, d => d[SkillsCards.RatingInput("tools")] = "2"));
        var team = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "skills"));
        Assert.Equal("Average 3.8 of 5 · 1 weak", Text(team, "rated.chen-jie"));
        Assert.Equal("Not assessed yet", Text(team, "rated.wang-lei"));
        var export = Action(team, SkillsCards.ExportVerb)!;
        _connector.Clear();

        var (none, answer) = await _t.ExecuteAsync(TeamsUser.LiNa, SkillsCards.ExportVerb, Copy(export["data"]!.AsObject()));

        Assert.Null(none);
        Assert.Contains("Skills results of East District 1 for H2", answer.Said(), StringComparison.Ordinal);
        var consent = Assert.Single(_connector.SentActivities.SelectMany(r => r.Body?["attachments"]?.AsArray() ?? []), a => a!["contentType"]!.GetValue<string>() == ConsentType)!;
        Assert.Equal("Skills_East District 1_2026-H2.xlsx", consent["name"]!.GetValue<string>());
        await using var drive = await LocalOneDrive.StartAsync();
        var rows = await AcceptAsync(drive, TeamsUser.LiNa, consent);

        Assert.Equal(["Account manager", "Team", "Half-year", "Assessed by", "Assessed on", "Revision", "Average", "Company knowledge"], rows[0][..8]);
        Assert.Equal(["Analysis", "Quiz right (%)", "Weak areas"], rows[0][^3..]);
        var chen = rows.Single(r => r[0] == "Chen Jie 陈杰");
        Assert.Equal(["East District 1", "H2 2026", "Li Na 李娜", "2026-12-03", "1", "3.8", "4"], chen[1..8].Select(c => c.Replace('\u00a0', ' ')));
        Assert.Equal("Tool use", chen[^1]);
        var wang = rows.Single(r => r[0] == "Wang Lei 王磊");
        Assert.Equal(string.Empty, wang[3]);

        // A manager is refused, and no file is offered.
        _connector.Clear();
        Assert.Equal("技能评估导出供组长、组长的上级和管理员使用；输入“技能评估”可查看您本人的结果。", Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "技能评估导出", "zh-CN")));
        Assert.DoesNotContain(_connector.SentActivities, r => r.Body?.ToJsonString().Contains(ConsentType, StringComparison.Ordinal) == true);
    }

    /// <summary>The user accepts the consent card: Teams hands out an upload URL, the bot uploads there; the rows read back.</summary>
    private async Task<List<List<string>>> AcceptAsync(LocalOneDrive drive, TeamsUser user, JsonNode consent)
    {
        var name = consent["name"]!.GetValue<string>();
        var accept = Activities.Execute(_connector.ServiceUrl, user, "unused");
        accept["name"] = "fileConsent/invoke";
        accept["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = consent["content"]!["acceptContext"]!.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = drive.ContentUrlFor(name), ["fileType"] = "xlsx", ["name"] = name, ["uploadUrl"] = drive.UploadUrlFor(name),
                ["uniqueId"] = "5C1D2C7A-3F3B-4E8E-9D55-2B1F0C1E6A12",
            },
        };
        using (var response = await _bot.PostActivityAsync(accept))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        var uploaded = drive.Uploaded(name) ?? throw new Xunit.Sdk.XunitException("Nothing was uploaded for " + name);
        using var stream = new MemoryStream(uploaded.Content);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToList())];
    }
}

internal static class AnswerText
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The invoke's answer as JSON with Chinese and apostrophes as written (not \u-escaped), to look for a message in it.</summary>
    public static string Said(this JsonObject answer) => answer.ToJsonString(Readable);
}
