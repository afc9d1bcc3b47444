using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Customers;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.Reviews;

namespace DiligenceBot.Tests.Records;

/// <summary>
/// The other records' cards in both languages, for <see cref="Help.CardSchemaTests"/> (schema and size) and
/// <see cref="Help.CardRenderingTests"/> (layout at 360 px and 800 px), the family "record": the form (new, from a
/// reminder, come back with errors and everything typed, without files), the month's list (a manager's, a lead's, empty),
/// one record as its manager, the lead and the lead's manager see it (waiting, returned, verified), the reminder, the
/// lead's and the lead's manager's escalation, and the delete question and its answer.
/// </summary>
public static class RecordCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var kinds = RecordKinds.Load(Path.Combine(Infrastructure.RepoTools.RepoRoot, "seeds", "record-kinds.json"));
        var summary = kinds.Find("monthly-summary")!;
        var analysis = kinds.Find("market-analysis")!;
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组", LeadId = "li-na", DelegateIds = ["liu-yang"], TimeZone = "Asia/Shanghai" };
        var november = RecordPeriod.Holding(RecordPeriodKind.Monthly, new DateOnly(2026, 11, 1));
        var q3 = RecordPeriod.Holding(RecordPeriodKind.Quarterly, new DateOnly(2026, 7, 1));
        var filedAt = new DateTimeOffset(2026, 12, 2, 9, 40, 0, TimeSpan.Zero);
        UnfiledFile[] files =
        [
            new(41, "月度工作总结（华东一组·王磊）定稿.pdf", 1_482_113),
            new(42, "Huamei Store display photos before and after.jpg", 3_204_987),
        ];
        var returned = new RecordReview
        {
            RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Returned, QualityRating = 3, DecidedAt = filedAt.AddHours(-20),
            Evaluation = "数据完整，但缺少重点客户的分析。", Requirement = "Add the volume of the three key customers against October.", Suggestion = "把陈列前后的照片放进附件。",
        };
        var verified = new RecordReview { RevisionNumber = 2, ReviewerId = "li-na", Decision = ReviewDecision.Approved, QualityRating = 5, DecidedAt = filedAt.AddHours(3), Evaluation = "分析到位。" };

        ManagerRecord Record(RecordStatus status, int revision, params RecordReview[] reviews) => new()
        {
            Id = Guid.Parse("7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e"), TenantId = "t", TeamId = "east-1", ManagerId = "wang-lei", KindId = summary.Id,
            PeriodKey = november.Key, Title = "月度工作总结：新店开发与重点客户维护", CustomerIds = [1, 2], Status = status, CurrentRevision = revision,
            FirstFiledAt = filedAt, LastFiledAt = filedAt, VerifiedById = status == RecordStatus.Verified ? "li-na" : null,
            VerifiedAt = status == RecordStatus.Verified ? verified.DecidedAt : null, Reviews = [.. reviews],
            Files =
            [
                new RecordFile { Id = 41, TenantId = "t", OwnerId = "wang-lei", FileName = files[0].Name, FileType = "pdf", SizeBytes = files[0].SizeBytes, Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", StorageKey = "t/2026/12/a" },
                new RecordFile { Id = 42, TenantId = "t", OwnerId = "wang-lei", FileName = files[1].Name, FileType = "jpg", SizeBytes = files[1].SizeBytes, Sha256 = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", StorageKey = "t/2026/12/b" },
            ],
        };

        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            RecordView View(ManagerRecord record) => new(record, summary.Name(language), november.Name(language), "Wang Lei 王磊",
                [.. (language == Language.ZhCn ? ["华美便利店（310106100101）", "Jinqiao Convenience Store No. 3（310106100138）"] : new[] { "华美便利店 (310106100101)", "Jinqiao Convenience Store No. 3 (310106100138)" }),
                    Texts.Customers.NotRegistered.Format(language, "车站旁新开的烟酒店")],
                CardDates.At(filedAt, "Asia/Shanghai"));
            AdaptiveCard As(string viewer, ManagerRecord record, RecordReview? decided, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null) =>
                RecordCards.ForViewer(new RecordCardState(View(record), east1, viewer, decided, decided is null ? null : "Li Na 李娜", typed, errors), language);

            yield return ($"record-form-new.{tag}", RecordCards.Form("wang-lei", kinds, files, november.Example, language));
            yield return ($"record-form-reminded.{tag}", RecordCards.Form("wang-lei", kinds, files, november.Example, language,
                new() { [RecordCards.KindInput] = summary.Id, [RecordCards.PeriodInput] = november.Key }));
            var typed = new Dictionary<string, string>
            {
                [RecordCards.KindInput] = summary.Id, [RecordCards.PeriodInput] = "2026-Q4", [RecordCards.TitleInput] = string.Empty,
                [RecordCards.CustomersInput] = "customer:1,customer:7", [CustomerPicks.UnregisteredKey(RecordCards.CustomersInput)] = "无名小店\n车站旁新开的烟酒店",
                [RecordCards.FilesInput] = "41",
            };
            // The picker shows again the filer's own pick (customer 1), titled; customer 7, another manager's, only in the message.
            var picked = new Dictionary<long, PickedCustomer> { [1] = new(1, "华美便利店", "310106100101", "wang-lei") };
            var errors = new Dictionary<string, string>
            {
                [RecordCards.PeriodInput] = Texts.Records.ErrorPeriod.Format(language, summary.Name(language), Texts.Records.PerMonth.In(language), "2026\u201112"),
                [RecordCards.TitleInput] = Texts.WorkLogs.ErrorRequired.Format(language, Texts.Records.RecordTitle.In(language)),
                [RecordCards.CustomersInput] = Texts.Customers.ErrorNotYours.Format(language, Texts.Records.Customers.In(language), "西城烟酒"),
            };
            yield return ($"record-form-errors.{tag}", RecordCards.Form("wang-lei", kinds, files, november.Example, language, typed, errors, picked: picked));
            yield return ($"record-form-locked.{tag}", RecordCards.Form("wang-lei", kinds, [], november.Example, language,
                new() { [RecordCards.KindInput] = summary.Id, [RecordCards.PeriodInput] = november.Key, [RecordCards.TitleInput] = "11月工作总结（补充）" },
                new() { [RecordCards.KindInput] = Texts.Records.ErrorLocked.Format(language, summary.Name(language), november.Name(language), CardDates.At(verified.DecidedAt, "Asia/Shanghai")) }));

            RecordLine Line(string title, RecordKind kind, RecordPeriod period, string? manager, RecordStatus status, int count) =>
                new(Guid.NewGuid(), kind.Name(language), period.Name(language), title, manager, status, count);
            yield return ($"record-list.{tag}", RecordCards.List(Texts.Records.ListTitle.Format(language, november.Name(language)),
            [
                Line("月度工作总结：新店开发与重点客户维护", summary, november, null, RecordStatus.Submitted, 2),
                Line("Q3 market analysis: Huangpu district", analysis, q3, null, RecordStatus.Verified, 1),
            ], 1, Texts.Records.ListNone.Format(language, november.Name(language)), language));
            yield return ($"record-list-team.{tag}", RecordCards.List(Texts.Records.ListTitleTeam.Format(language, november.Name(language)),
            [
                Line("11月工作总结", summary, november, "Chen Jie 陈杰", RecordStatus.Returned, 1),
                Line("November summary", summary, november, "Wang Lei 王磊", RecordStatus.Verified, 3),
                Line("签字确认书：华美便利店陈列协议", kinds.Find("customer-signed")!, RecordPeriod.None, "Wang Lei 王磊", RecordStatus.Submitted, 1),
            ], 0, Texts.Records.ListNone.Format(language, november.Name(language)), language));
            yield return ($"record-list-empty.{tag}", RecordCards.List(Texts.Records.ListTitle.Format(language, november.Name(language)), [], 0,
                Texts.Records.ListNone.Format(language, november.Name(language)), language));

            yield return ($"record-submitted.{tag}", As("wang-lei", Record(RecordStatus.Submitted, 1), null));
            yield return ($"record-review-open.{tag}", As("li-na", Record(RecordStatus.Submitted, 2, returned), null,
                new() { ["c.rating"] = "3" }, new() { ["comment"] = Texts.Records.ErrorCommentNeeded.In(language) }));
            yield return ($"record-returned.{tag}", As("wang-lei", Record(RecordStatus.Returned, 1, returned), returned));
            yield return ($"record-verified.{tag}", As("wang-lei", Record(RecordStatus.Verified, 2, returned, verified), verified));
            yield return ($"record-review-verified.{tag}", As("li-na", Record(RecordStatus.Verified, 2, returned, verified), verified));
            yield return ($"record-delete-confirm.{tag}", RecordCards.DeleteConfirm(View(Record(RecordStatus.Submitted, 1)), language));
            yield return ($"record-deleted.{tag}", RecordCards.Deleted("月度工作总结：新店开发与重点客户维护", 2, language));

            yield return ($"record-reminder.{tag}", RecordCards.Reminder(summary, november, CardDates.Long(new DateOnly(2026, 12, 3), language), language));
            var missing = new List<MissingRecord>
            {
                new(new OwedRecord(summary, november, new DateOnly(2026, 12, 3)),
                [
                    new Person { Id = "chen-jie", TenantId = "t", AadObjectId = "z", DisplayName = "Chen Jie 陈杰" },
                    new Person { Id = "sun-hao", TenantId = "t", AadObjectId = "s", DisplayName = "Sun Hao 孙浩" },
                ]),
                new(new OwedRecord(analysis, q3, new DateOnly(2026, 10, 13)), [new Person { Id = "wang-lei", TenantId = "t", AadObjectId = "y", DisplayName = "Wang Lei 王磊" }]),
            };
            yield return ($"record-missing.{tag}", RecordCards.Missing(Texts.Records.MissingToLead.Format(language, language == Language.ZhCn ? east1.NameZh : east1.NameEn), missing, language));
            yield return ($"record-missing-manager.{tag}", RecordCards.Missing(Texts.Records.MissingToLeadsManager.Format(language,
                language == Language.ZhCn ? east1.NameZh : east1.NameEn, "Li Na 李娜", 4), missing, language));
        }
    }
}
