using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Help;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Tests.Help;

/// <summary>
/// Every card the bot can send, in both languages, is written to a folder and validated by the official
/// `adaptivecards` library at schema 1.5 plus raw checks (tools/validate/validate-cards.mjs).
/// </summary>
public sealed class CardSchemaTests
{
    /// <summary>Each card the bot sends, by a file name saying which.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组", MeetingTime = new TimeOnly(8, 30) };
        var lead = new Person { Id = "li-na", TenantId = "t", AadObjectId = "x", DisplayName = "Li Na 李娜" };
        east1.Lead = lead;
        var manager = new Person { Id = "wang-lei", TenantId = "t", AadObjectId = "y", DisplayName = "Wang Lei 王磊", Team = east1, IsAdmin = true };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组" };

        var template = new LogTemplate
        {
            Id = "t", NameEn = "T", NameZh = "T",
            Fields =
            [
                new LogField { Key = "visits", Type = LogFieldTypes.Number, Required = true, Min = 0, Max = 60, LabelEn = "Visits", LabelZh = "拜访" },
                new LogField { Key = "customers", Type = LogFieldTypes.Customers, Required = true, MaxLength = 500, LabelEn = "Customers", LabelZh = "客户" },
                new LogField { Key = "focus", Type = LogFieldTypes.Choice, Required = true, LabelEn = "Focus", LabelZh = "重点", Choices = [new LogChoice { Value = "a", En = "A", Zh = "甲" }] },
                new LogField { Key = "next", Type = LogFieldTypes.Date, LabelEn = "Next", LabelZh = "下次" },
            ],
        };
        var date = new DateOnly(2026, 11, 30);
        var at = new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero);
        WorkLog Log(WorkLogStatus status, params WorkLogReview[] reviews) => new()
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = "east-1", ManagerId = "wang-lei", WorkDate = date, Status = status,
            CurrentRevision = reviews.Length == 0 ? 1 : reviews.Max(r => r.RevisionNumber), OnTime = status != WorkLogStatus.Returned,
            QualityRating = 4, FirstSubmittedAt = at, LastSubmittedAt = at,
            Revisions = [new WorkLogRevision { Number = 1, Values = new() { ["visits"] = "12", ["customers"] = "Huamei", ["focus"] = "a" }, SubmittedAt = at }],
            Reviews = [.. reviews],
        };
        var returnedReview = new WorkLogReview { RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Returned, Evaluation = "Too short", Requirement = "Add volumes", QualityRating = 3, DecidedAt = at };
        var approvedReview = new WorkLogReview { RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Approved, QualityRating = 4, DecidedAt = at };
        var errors = new Dictionary<string, string> { ["visits"] = "Visits must be a number from 0 to 60.", ["customers"] = "Customers is required." };
        // Customers picked (long names, a licence number to keep whole) and shops not registered yet.
        var picked = new Dictionary<long, DiligenceBot.Customers.PickedCustomer>
        {
            [1] = new(1, "华美便利店（南京路步行街旗舰店）", "110105100123", "wang-lei"),
            [2] = new(2, "Xinhua Kiosk on the corner of Nanjing Road and Henan Road", "L-1002", "wang-lei"),
        };
        var pickedValues = new Dictionary<string, string>
        {
            ["visits"] = "12", ["customers"] = "customer:1,customer:2", ["customers.unregistered"] = "东街烟酒行\nStation Convenience", ["focus"] = "a",
        };
        WorkLog Picked()
        {
            var log = Log(WorkLogStatus.Submitted);
            log.Revisions[0].Values = new(pickedValues);
            return log;
        }

        foreach (var language in Enum.GetValues<Language>())
        {
            var tag0 = language.Tag();
            var timing = new WorkLogCards.LogTiming(date, LogCoverage.PreviousWorkingDay, date.AddDays(1), new TimeOnly(8, 30), date.AddDays(1), false);
            var praised = Log(WorkLogStatus.Approved, approvedReview);
            praised.PraisedById = "li-na";
            praised.PraisedAt = at;
            yield return ($"worklog-form-new.{tag0}", WorkLogCards.Form(new(template, east1, date, [], [], null, 0, null, null, null, timing), language));
            yield return ($"worklog-form-late.{tag0}", WorkLogCards.Form(new(template, east1, date, [], [], null, 0, null, null, "Reminder", timing with { Passed = true }), language));
            yield return ($"worklog-review-praised.{tag0}", WorkLogCards.Review(new(praised, template, manager, east1, "Li Na", [], [], null), language));
            yield return ($"worklog-teams.{tag0}", WorkLogCards.TeamLogs(
                [new(east1, date, [new(manager, praised), new(lead, null)], timing), new(east2, date, [new(new Person { Id = "sun-hao", TenantId = "t", AadObjectId = "z", DisplayName = "Sun Hao 孙浩" }, Log(WorkLogStatus.Returned, returnedReview), "Visits: 12")], timing with { Passed = true })], language));
            yield return ($"worklog-best.{tag0}", WorkLogCards.BestLogs([(east1, [new WorkLogCards.BestLog(manager, praised)]), (east2, [])], new DateOnly(2026, 11, 1), language));
            yield return ($"worklog-best-empty.{tag0}", WorkLogCards.BestLogs([(east1, [])], new DateOnly(2026, 11, 1), language));
            yield return ($"worklog-form-errors.{tag0}", WorkLogCards.Form(new(template, east1, date, new() { ["visits"] = "x", ["customers"] = "" }, errors, null, 0, null, null), language));
            yield return ($"worklog-form-customers.{tag0}", WorkLogCards.Form(new(template, east1, date, pickedValues, [], null, 0, null, null, null, timing, picked), language));
            yield return ($"worklog-summary-customers.{tag0}", WorkLogCards.Summary(Picked(), template, null, null, null, language, (WorkLogCards.CardNotice?)null, picked));
            yield return ($"worklog-review-customers.{tag0}", WorkLogCards.Review(new(Picked(), template, manager, east1, null, [], [], null, picked), language));
            yield return ($"worklog-form-returned.{tag0}", WorkLogCards.Form(new(template, east1, date, new() { ["visits"] = "12" }, [], Guid.NewGuid(), 1, returnedReview, "Li Na"), language));
            yield return ($"worklog-summary-submitted.{tag0}", WorkLogCards.Summary(Log(WorkLogStatus.Submitted), template, null, null, "29:1-wang-lei", language));
            yield return ($"worklog-summary-returned.{tag0}", WorkLogCards.Summary(Log(WorkLogStatus.Returned, returnedReview), template, returnedReview, "Li Na", null, language, "notice"));
            yield return ($"worklog-summary-approved.{tag0}", WorkLogCards.Summary(Log(WorkLogStatus.Approved, approvedReview), template, approvedReview, "Li Na", null, language));
            yield return ($"worklog-review-open.{tag0}", WorkLogCards.Review(new(Log(WorkLogStatus.Submitted), template, manager, east1, null, new() { ["c.rating"] = "3" }, new() { ["comment"] = "Write something" }, "29:1-li-na"), language));
            yield return ($"worklog-review-returned.{tag0}", WorkLogCards.Review(new(Log(WorkLogStatus.Returned, returnedReview), template, manager, east1, "Li Na", [], [], null), language, "notice"));
            yield return ($"worklog-review-approved.{tag0}", WorkLogCards.Review(new(Log(WorkLogStatus.Approved, approvedReview), template, manager, east1, "Li Na", [], [], null), language));
            yield return ($"worklog-mine-empty.{tag0}", WorkLogCards.MyLogs([], language));
            var earlier = Log(WorkLogStatus.Approved, approvedReview);
            earlier.WorkDate = date.AddDays(-3);
            yield return ($"worklog-mine.{tag0}", WorkLogCards.MyLogs([Log(WorkLogStatus.Submitted), earlier], language));
            yield return ($"worklog-team.{tag0}", WorkLogCards.TeamLogs(east1, date, [new(manager, Log(WorkLogStatus.Submitted)), new(lead, null)], language));
            yield return ($"worklog-digest.{tag0}", WorkLogCards.TeamLogs(
                [new(east1, date, [new(manager, Log(WorkLogStatus.Submitted), "Visits made: 12 · Customers visited: Huamei, Lianhua"), new(lead, null)], timing),
                 new(east2, date, [new(new Person { Id = "sun-hao", TenantId = "t", AadObjectId = "z", DisplayName = "Sun Hao 孙浩" }, null)], timing)],
                language, DiligenceBot.Localization.Texts.Schedule.DigestNotice.Format(language, "08:30")));
        }

        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            yield return ($"welcome-known.{tag}", HelpCards.Welcome(manager, isLead: false, language));
            yield return ($"welcome-lead.{tag}", HelpCards.Welcome(lead, isLead: true, language));
            yield return ($"welcome-unknown.{tag}", HelpCards.Welcome(null, isLead: false, language));
            yield return ($"welcome-installed.{tag}", HelpCards.Welcome(manager, isLead: false, language, installedForThem: true));
            yield return ($"welcome-installed-lead.{tag}", HelpCards.Welcome(lead, isLead: true, language, installedForThem: true));
            yield return ($"welcome-greeting-manager.{tag}", HelpCards.Greeting(manager, isLead: false, language));
            yield return ($"welcome-greeting-lead.{tag}", HelpCards.Greeting(lead, isLead: true, language));
            yield return ($"welcome-greeting-unknown.{tag}", HelpCards.Greeting(null, isLead: false, language));
            yield return ($"welcome-team.{tag}", HelpCards.WelcomeTeam("East District", language));
            yield return ($"help.{tag}", HelpCards.Help(language));
            yield return ($"profile-manager-and-lead.{tag}", HelpCards.Profile(manager, "y", [east2], language));
            yield return ($"profile-lead-only.{tag}", HelpCards.Profile(lead, "x", [east1], language));
            yield return ($"profile-unknown.{tag}", HelpCards.Profile(null, "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", [], language));
            yield return ($"customers-list.{tag}", DiligenceBot.Customers.CustomerCards.List(
                [new("110105100123", "华美便利店", "朝阳区", "A", "Chen Jie 陈杰", 1, 4), new("A-2", "Fulai Market", "Haidian", "B", "Chen Jie 陈杰", 2, 2)], 45, null, language));
            // Long names, as shops are registered: on a phone a name must read as a name, not a character or two a line.
            yield return ($"customers-list-long-names.{tag}", DiligenceBot.Customers.CustomerCards.List(
            [
                new("310106100101", "上海市静安区新世纪百货有限公司食品部烟酒专柜（长寿路店）", "静安区", "A", "Wang Lei 王磊", 0, 4),
                new("310106100138", "Jinqiao Convenience Store No. 3 (Pudong New Area, Zhangjiang Hi-Tech Park)", "Pudong New Area", "B", "Zhao Min 赵敏", 2, 2),
                new("310106100175", "万家福便利店", "黄浦区", "C", "Chen Jie 陈杰", 12, 2),
            ], 3, null, language));
            yield return ($"customers-none.{tag}", DiligenceBot.Customers.CustomerCards.List([], 0, "华美", language));
            yield return ($"customers-import-failed.{tag}", DiligenceBot.Imports.ImportCards.ImportFailed("客户.xlsx",
                Enumerable.Range(2, 40).Select(r => new DiligenceBot.Imports.ImportProblem(r, "每月拜访次数", "每月拜访次数必须是0到31之间的整数。")).ToList(), language));
            // The same card for the other kinds, with their longest column names and problems in the user's language.
            yield return ($"import-failed-figures.{tag}", DiligenceBot.Imports.ImportCards.ImportFailed("华东一组业绩.xlsx",
            [
                new(2, Texts.Imports.ColumnManager.In(language), Texts.Imports.ProblemNotYourTeam.Format(language, "zhao.min@diligence.example")),
                new(3, Texts.Figures.ColumnValueTarget.In(language), Texts.Figures.ProblemTargetZero.Format(language, Texts.Figures.ColumnValueTarget.In(language))),
                new(4, Texts.Figures.ColumnForecast.In(language), Texts.Imports.ProblemAmount.Format(language, Texts.Figures.ColumnForecast.In(language), "1,000,000")),
                new(5, Texts.Imports.ColumnMonth.In(language), Texts.Imports.ProblemMonth.Format(language, Texts.Imports.ColumnMonth.In(language), "2026\u201111")),
            ], language));
            yield return ($"import-failed-evaluations.{tag}", DiligenceBot.Imports.ImportCards.ImportFailed("customer-evaluations.csv",
            [
                new(2, Texts.Customers.ColumnLicence.In(language), Texts.Evaluations.ProblemNotServed.Format(language, "110105100456", "chen.jie@diligence.example")),
                new(3, Texts.Evaluations.ColumnFairness.In(language), Texts.Evaluations.ProblemScore.Format(language, Texts.Evaluations.ColumnFairness.In(language))),
            ], language));
        }

        foreach (var card in Transfers.TransferCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Coaching.CoachingCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Meetings.MinutesCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Plans.PlanExecutionCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Assessment.ScorecardCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Assessment.SkillsCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Assessment.AnnualCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Plans.PlanCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Records.RecordCheckCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Records.RecordCardSchemaTests.EveryCard())
        {
            yield return card;
        }

        foreach (var card in Surveys.EvaluationCardSchemaTests.EveryCard())
        {
            yield return card;
        }
    }

    [Fact]
    public async Task EveryCard_IsValidAdaptiveCard15_ForTheOfficialLibrary()
    {
        await CardValidation.AssertValidAsync(EveryCard().ToList());
    }

    [Fact]
    public async Task TheValidator_RejectsABrokenCard()
    {
        // Guards the guard: a card with an element type Teams does not know must fail validation.
        var folder = Path.Combine(Path.GetTempPath(), "diligencebot-badcard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var node = JsonSerializer.SerializeToNode(HelpCards.Help(Language.EnUs), BotJsonContext.Default.AdaptiveCard)!;
        node["body"]![0]!["type"] = "TextBlok";
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), node.ToJsonString());

        var (exitCode, output, _) = await RepoTools.RunNodeToolAsync("validate", "validate-cards.mjs", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("broken.json", output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void EveryCard_IsSmallEnoughForTeams()
    {
        CardValidation.AssertSmallEnough(EveryCard());
    }
}
