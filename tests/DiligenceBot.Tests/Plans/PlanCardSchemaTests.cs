using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Customers;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Reviews;

namespace DiligenceBot.Tests.Plans;

/// <summary>
/// The monthly plan's cards in both languages, for <see cref="Help.CardSchemaTests"/> (schema and size) and
/// <see cref="Help.CardRenderingTests"/> (layout at 360 px and 800 px), the family "plan": the form with the bot's draft
/// of a whole month's visits, the form come back with errors and the lead's comment, the manager's summary (submitted,
/// returned, approved), the lead's review card (open, decided) and the team plans of a lead of two teams.
/// </summary>
public static class PlanCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组", LeadId = "li-na", MeetingTime = new TimeOnly(8, 30), TimeZone = "Asia/Shanghai" };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组", LeadId = "li-na", TimeZone = "Asia/Shanghai" };
        var wang = new Person { Id = "wang-lei", TenantId = "t", AadObjectId = "y", DisplayName = "Wang Lei 王磊", TeamId = "east-1" };
        var chen = new Person { Id = "chen-jie", TenantId = "t", AadObjectId = "z", DisplayName = "Chen Jie 陈杰", TeamId = "east-1" };
        var zhao = new Person { Id = "zhao-min", TenantId = "t", AadObjectId = "w", DisplayName = "Zhao Min 赵敏", TeamId = "east-2" };
        string[] names =
        [
            "华美便利店", "联华超市南京东路店", "Fulai Market", "好又多烟酒商行", "新世纪百货有限公司食品部", "老街坊烟杂店",
            "Jinqiao Convenience Store No. 3", "百联超市", "鑫源烟酒", "万家福便利店（长寿路店）", "如海超市", "Dragon Gate Tobacco & Liquor",
        ];
        var customers = names.Select((n, i) => new Customer
        {
            Id = i + 1, TenantId = "t", LicenceNumber = (310_106_100_101L + (i * 37)).ToString(System.Globalization.CultureInfo.InvariantCulture), Name = n,
            Address = "南京东路" + (i + 1) + "号", District = "黄浦区", Tier = i % 3 == 0 ? "A" : "B", ManagerId = "wang-lei", VisitsPerMonth = i % 3 == 0 ? 4 : 2,
        }).ToList();
        var december = new DateOnly(2026, 12, 1);
        var workingDays = Enumerable.Range(0, 31).Select(december.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var draft = PlanBook.Draft(customers, workingDays);
        var dueDay = new DateOnly(2026, 11, 25);
        var byId = customers.ToDictionary(c => c.Id);

        var returned = new MarketingPlanReview
        {
            RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Returned, QualityRating = 3, DecidedAt = new DateTimeOffset(2026, 11, 24, 2, 10, 0, TimeSpan.Zero),
            Evaluation = "Goals are below last month's sales. 目标低于上月实际销量。",
            Requirement = "Raise the volume to at least 1,200 cases and plan Huamei every week.",
            Suggestion = "把新品陈列写进服务措施。",
        };
        MarketingPlan Plan(PlanStatus status, int revision, params MarketingPlanReview[] reviews) => new()
        {
            Id = Guid.Parse("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d"), TenantId = "t", TeamId = "east-1", ManagerId = "wang-lei", Month = december, Status = status,
            CurrentRevision = revision, OnTime = revision == 1, FirstSubmittedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
            LastSubmittedAt = new DateTimeOffset(2026, 11, 25, 11, 30, 0, TimeSpan.Zero), ReviewedById = status == PlanStatus.Submitted && reviews.Length == 0 ? null : "li-na",
            QualityRating = reviews.LastOrDefault()?.QualityRating,
            Revisions = [.. Enumerable.Range(1, revision).Select(n => new MarketingPlanRevision
            {
                Number = n, VolumeCases = 1250.5m, ValueYuan = 3_862_500m, KeyBrands = "黄山（红方印）、中华、Double Happiness",
                Measures = "1. 每周一检查重点零售户的新品陈列。\n2. Help Fulai Market set up a proper display cabinet.\n3. 对月销量下滑的三家店上门分析原因。",
                Visits = draft, SubmittedAt = new DateTimeOffset(2026, 11, 25, 11, 30, 0, TimeSpan.Zero),
            })],
            Reviews = [.. reviews],
        };
        var approved = new MarketingPlanReview
        {
            RevisionNumber = 2, ReviewerId = "li-na", Decision = ReviewDecision.Approved, QualityRating = 4, DecidedAt = new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero),
            Evaluation = "计划清楚，拜访安排均衡。",
        };
        PlanCards.PlanView View(MarketingPlan plan) => new(plan, wang.DisplayName, east1, byId);

        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            var month = CardDates.Month(december, language);
            PlanCards.FormState Form(Dictionary<string, string> typed, Dictionary<string, string> errors, MarketingPlan? plan = null, string? notice = null, MarketingPlanReview? comment = null) =>
                new(east1, december, dueDay, workingDays, customers, typed, errors, plan, plan?.CurrentRevision ?? 0, notice, comment, comment is null ? null : "Li Na 李娜");

            yield return ($"plan-form-draft.{tag}", PlanCards.Form(Form(PlanCards.Typed(null, draft, customers), [],
                notice: Texts.Plans.ReminderNotice.Format(language, month, CardDates.Long(dueDay, language))), language));

            var typed = PlanCards.Typed(Plan(PlanStatus.Returned, 1, returned).Current, draft, customers);
            typed[PlanCards.VolumeInput] = "abc";
            typed[PlanCards.DayKey(workingDays[2])] += ", 好再来超市";
            typed[PlanCards.DayKey(new DateOnly(2026, 12, 5))] = customers[1].LicenceNumber;
            var errors = new Dictionary<string, string>
            {
                [PlanCards.VolumeInput] = Texts.WorkLogs.ErrorRequired.Format(language, Texts.Plans.Volume.In(language)),
                [PlanCards.DayKey(workingDays[2])] = Texts.Plans.ErrorUnknownCustomer.Format(language, "好再来超市"),
                [PlanCards.DayKey(new DateOnly(2026, 12, 5))] = Texts.Plans.ErrorNotWorkingDay.Format(language, CardDates.Long(new DateOnly(2026, 12, 5), language)),
            };
            yield return ($"plan-form-returned-errors.{tag}", PlanCards.Form(Form(typed, errors, Plan(PlanStatus.Returned, 1, returned), comment: returned), language));

            yield return ($"plan-summary-submitted.{tag}", PlanCards.Summary(View(Plan(PlanStatus.Submitted, 1)), null, null, "29:1-wang-lei", language,
                new PlanCards.CardNotice(Texts.Plans.Saved.In(language), Warning: false), measuresOpen: true));
            yield return ($"plan-summary-returned.{tag}", PlanCards.Summary(View(Plan(PlanStatus.Returned, 1, returned)), returned, "Li Na 李娜", "29:1-wang-lei", language));
            yield return ($"plan-summary-approved.{tag}", PlanCards.Summary(View(Plan(PlanStatus.Approved, 2, returned, approved)), approved, "Li Na 李娜", "29:1-wang-lei", language, measuresOpen: true));

            yield return ($"plan-review-open.{tag}", PlanCards.Review(new(View(Plan(PlanStatus.Submitted, 2, returned)), null,
                new() { ["c.rating"] = "3" }, new() { ["comment"] = Texts.Plans.ErrorCommentNeeded.In(language) }, "29:1-li-na"), language));
            yield return ($"plan-review-approved.{tag}", PlanCards.Review(new(View(Plan(PlanStatus.Approved, 2, returned, approved)), "Li Na 李娜", [], [], "29:1-li-na"), language));

            var january = new DateOnly(2027, 1, 1);
            MarketingPlan Next(string managerId, PlanStatus status, bool onTime) => new()
            {
                Id = Guid.NewGuid(), TenantId = "t", TeamId = "east-1", ManagerId = managerId, Month = january, Status = status, CurrentRevision = 1, OnTime = onTime,
            };
            yield return ($"plan-teams.{tag}", PlanCards.Teams(
            [
                new(east1, january, new DateOnly(2026, 12, 25),
                [
                    new(wang, Next("wang-lei", PlanStatus.Submitted, onTime: true), new(PlannedToDate: 28, VisitedToDate: 26, PlannedInMonth: 34)),
                    new(chen, null, new(PlannedToDate: 120, VisitedToDate: 97, PlannedInMonth: 148)),
                ]),
                new(east2, january, new DateOnly(2026, 12, 25), [new(zhao, Next("zhao-min", PlanStatus.Returned, onTime: false), null)]),
            ], language));
        }
    }
}
