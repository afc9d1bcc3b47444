using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Meetings;

/// <summary>
/// The minutes, action item and training cards in both languages, for <see cref="Help.CardSchemaTests"/> (schema and
/// size) and <see cref="Help.CardRenderingTests"/> (layout at 360 px and 800 px): the families minutes, action and training.
/// </summary>
public static class MinutesCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var topics = TrainingTopics.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "training-topics.json"));
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组", LeadId = "li-na", MeetingTime = new TimeOnly(8, 30) };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组", LeadId = "wang-lei" };
        var wang = new Person { Id = "wang-lei", TenantId = "t", AadObjectId = "y", DisplayName = "Wang Lei 王磊", TeamId = "east-1" };
        var chen = new Person { Id = "chen-jie", TenantId = "t", AadObjectId = "z", DisplayName = "Chen Jie 陈杰", TeamId = "east-1" };
        var lead = new Person { Id = "li-na", TenantId = "t", AadObjectId = "x", DisplayName = "Li Na 李娜" };
        var zhao = new Person { Id = "zhao-min", TenantId = "t", AadObjectId = "w", DisplayName = "Zhao Min 赵敏", TeamId = "east-2" };
        var names = new Dictionary<string, string> { ["wang-lei"] = wang.DisplayName, ["chen-jie"] = chen.DisplayName, ["li-na"] = lead.DisplayName, ["liu-yang"] = "Liu Yang 刘洋" };
        var today = new DateOnly(2026, 11, 30);
        var item = new ActionItem
        {
            Id = Guid.Parse("8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a"), TenantId = "t", TeamId = "east-1", Number = 1, OwnerId = "wang-lei", DueDate = new DateOnly(2026, 12, 2),
            Text = "Put the new brand's posters up at Huamei Store and the three shops on Nanjing Road", State = ActionItemState.Open, Revision = 1,
        };
        var blocked = new ActionItem
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = "east-1", Number = 2, OwnerId = "chen-jie", DueDate = new DateOnly(2026, 11, 27),
            Text = "向区烟草专卖局了解新的许可证办理规定", State = ActionItemState.Blocked, Note = "专卖局本周闭门整改，下周一再去。", Revision = 2,
        };
        MeetingMinutes Minutes(MeetingKind kind, DateTimeOffset? checkedAt) => new()
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = "east-1", MeetingDate = today, Kind = kind, RecordedById = "li-na", Revision = checkedAt is null ? 1 : 2,
            Topics = "Last week's sales against the plan; the new brand's launch in December; complaints about late deliveries in the north of the district.",
            Decisions = "Every manager introduces the new brand to five shops this week.\n每位客户经理本周向五家零售户介绍新品。",
            TrainingTopicIds = kind == MeetingKind.Training ? ["product", "sales"] : [],
            TrainingFormat = kind == MeetingKind.Training ? TrainingFormat.StudyVisit : null,
            StudyVisitPlace = kind == MeetingKind.Training ? "南京卷烟厂" : null,
            TrainingHours = kind == MeetingKind.Training ? 2.5 : null,
            CheckerId = "liu-yang", CheckedAt = checkedAt, CheckComment = checkedAt is null ? null : "记录清楚。请跟进新品海报的张贴。",
            Attendance = [new() { PersonId = "wang-lei", Present = true }, new() { PersonId = "chen-jie", Present = false, AbsenceReason = "病假" }],
            ActionItems = [item, blocked],
        };

        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            MinutesCards.FormState Form(Dictionary<string, string> typed, Dictionary<string, string> errors, int rows = 2) =>
                new(east1, [chen, wang], [chen, wang, lead], "Liu Yang 刘洋", Guid.Empty, rows, today, typed, errors, topics);
            yield return ($"minutes-form-new.{tag}", MinutesCards.Form(Form([], []), language));
            var typed = new Dictionary<string, string>
            {
                [MinutesCards.DateInput] = "2026-12-01", [MinutesCards.PresentInput("chen-jie")] = "false", [MinutesCards.TopicsInput] = "新品上市",
                [MinutesCards.ActionTextInput(1)] = "张贴海报", [MinutesCards.DueInput(1)] = "2026-11-27",
            };
            var errors = new Dictionary<string, string>
            {
                [MinutesCards.DateInput] = Texts.Meetings.ErrorDateFuture.Format(language, CardDates.Day(today)),
                [MinutesCards.ReasonInput("chen-jie")] = Texts.Meetings.ErrorAbsentReason.Format(language, chen.DisplayName),
                [MinutesCards.OwnerInput(1)] = Texts.Meetings.ErrorOwnerMissing.Format(language, 1),
                [MinutesCards.DueInput(1)] = Texts.Meetings.ErrorDuePast.Format(language, 1, CardDates.Day(new DateOnly(2026, 11, 27)), CardDates.Day(today)),
            };
            yield return ($"minutes-form-errors.{tag}", MinutesCards.Form(Form(typed, errors, 3), language));
            yield return ($"minutes-pick.{tag}", MinutesCards.PickTeam([east1, east2], language));
            yield return ($"minutes-view-checker.{tag}", MinutesCards.View(new(Minutes(MeetingKind.Daily, null), east1, names, IsChecker: true, topics, Texts.Meetings.CheckNotice.Format(language, lead.DisplayName)), language));
            yield return ($"minutes-view-training.{tag}", MinutesCards.View(new(Minutes(MeetingKind.Training, new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)), east1, names, IsChecker: false, topics), language));
            yield return ($"minutes-missing.{tag}", MinutesCards.Missing(east1, today, language));
            var m = Minutes(MeetingKind.Daily, null);
            yield return ($"action-item-owner.{tag}", ActionItemCards.Item(new(item, m, east1, names, IsOwner: true, today, Texts.Meetings.AssignedNotice.Format(language, lead.DisplayName)), language));
            yield return ($"action-item-overdue.{tag}", ActionItemCards.Item(new(blocked, m, east1, names, IsOwner: false, today, Texts.Meetings.OverdueNotice.Format(language, chen.DisplayName, CardDates.Day(new DateOnly(2026, 11, 27)))), language));
            yield return ($"action-list-lead.{tag}", ActionItemCards.List([], [(east1, [new(item, wang.DisplayName), new(blocked, chen.DisplayName)])], today, language));
            yield return ($"action-list-mine.{tag}", ActionItemCards.List([new(item, wang.DisplayName)], [], today, language));
            ActionItemCards.Attended Session(int day, double hours, params string[] ids) => new(new DateOnly(2026, 11, day), hours, ids);
            yield return ($"training-mine.{tag}", ActionItemCards.Training(Texts.Meetings.HalfYear2.Format(language, 2026), [Session(2, 2.5, "product", "sales"), Session(16, 1.5, "communication")], topics, language));
            yield return ($"training-none.{tag}", ActionItemCards.Training(Texts.Meetings.HalfYear1.Format(language, 2026), [], topics, language));
            yield return ($"training-team.{tag}", ActionItemCards.TeamTraining(Texts.Meetings.HalfYear2.Format(language, 2026), (wang, [Session(2, 2.5, "product")]),
                [(east2, [(zhao, [Session(3, 4, "market", "sales", "administration")])])], topics, language));
        }
    }
}
