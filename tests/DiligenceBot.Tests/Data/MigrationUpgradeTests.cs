using System.Collections;
using System.Data.Common;
using System.Globalization;
using DiligenceBot.Audit;
using DiligenceBot.Coaching;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DiligenceBot.Tests.Data;

/// <summary>
/// Upgrading a database that has been in use since the first release: a database made by the first release's
/// migration (Initial) is filled with what that release stored, then taken through every later migration one at a
/// time and filled again after each with what the schema then held (people, teams, conversation references, logs with
/// revisions and reviews, notifications, audit rows, transfer forms with steps, coaching records, send slots, dispatcher
/// leases). After each step every row of every table must still be there, unchanged (instants compared as instants, whatever offset
/// they were stored in); at the end the app reads everything back through EF and finds old rows with UTC bounds.
/// Rows are written with raw SQL the way the release of the time wrote them: on SQLite the instants in the old binary
/// layout, in the offsets the code of the time produced (deadlines in the post's zone, +08:00; and the tests' clocks
/// read Shanghai time, so any column may hold +08:00 in a developer's database). Runs on SQLite, and on PostgreSQL
/// (or SQL Server) with the variables test.sh sets.
/// </summary>
public sealed class MigrationUpgradeTests : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static readonly string Provider = Environment.GetEnvironmentVariable("DILIGENCEBOT_TEST_DB_PROVIDER") ?? DatabaseProviders.Sqlite;

    /// <summary>How the releases before InstantsInUtc wrote an instant on SQLite: clock ticks of its own offset, and the offset.</summary>
    private static readonly DateTimeOffsetToBinaryConverter OldSqliteInstants = new();

    /// <summary>Tables a migration empties on purpose: SendWindowPerTenant drops the transient send slots (a tenant's next send recreates its row).</summary>
    private static readonly HashSet<(string Migration, string Table)> ClearedOnPurpose = [("SendWindowPerTenant", "SendWindows")];

    /// <summary>Columns a migration renamed: (migration, table, old name) → new name.</summary>
    private static readonly Dictionary<(string Migration, string Table, string Column), string> Renamed = new()
    {
        [("SendWindowPerTenant", "SendWindows", "Count")] = "LastSlot",
    };

    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), $"diligencebot-upgrade-{Guid.NewGuid():N}.db");
    private readonly string _serverConnection =
        $"{Environment.GetEnvironmentVariable("DILIGENCEBOT_TEST_DB_CONNECTION")};Database=diligencebot_upgrade_{Guid.NewGuid():N}";

    private DiligenceDbContext _db = null!;
    private HashSet<(string Table, string Column)> _instantColumns = null!;

    /// <summary>A Shanghai wall-clock time.</summary>
    private static DateTimeOffset Sh(int mo, int d, int h, int mi) => new(2026, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    /// <summary>A UTC time.</summary>
    private static DateTimeOffset Utc(int mo, int d, int h, int mi, int s = 0) => new(2026, mo, d, h, mi, s, TimeSpan.Zero);

    public Task InitializeAsync()
    {
        _db = NewContext();
        _instantColumns = _db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(DateTimeOffset))
                .Select(p => (e.GetTableName()!, p.GetColumnName())))
            .ToHashSet();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Provider != DatabaseProviders.Sqlite)
        {
            await _db.Database.EnsureDeletedAsync();
        }

        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_sqlitePath);
    }

    private DiligenceDbContext NewContext() => Provider switch
    {
        DatabaseProviders.PostgreSql => new PostgresDiligenceDbContext(new DbContextOptionsBuilder<PostgresDiligenceDbContext>().UseNpgsql(_serverConnection).Options),
        DatabaseProviders.SqlServer => new SqlServerDiligenceDbContext(new DbContextOptionsBuilder<SqlServerDiligenceDbContext>().UseSqlServer(_serverConnection).Options),
        _ => new SqliteDiligenceDbContext(new DbContextOptionsBuilder<SqliteDiligenceDbContext>().UseSqlite($"Data Source={_sqlitePath}")
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)).Options),
    };

    [Fact]
    public async Task ADatabaseFromTheFirstRelease_UpgradedOneMigrationAtATime_KeepsEveryRow_AndTheAppReadsItBack()
    {
        var migrations = _db.Database.GetMigrations().ToList();
        Assert.EndsWith("_Initial", migrations[0], StringComparison.Ordinal);
        var migrator = _db.GetService<IMigrator>();

        Dictionary<string, Table>? before = null;
        foreach (var migration in migrations)
        {
            var name = migration[(migration.IndexOf('_', StringComparison.Ordinal) + 1)..];
            await migrator.MigrateAsync(migration);
            var after = await SnapshotAsync();
            if (before is not null)
            {
                AssertKept(name, before, after);
            }

            await FillAsync(name);
            before = await SnapshotAsync();
        }

        Assert.All(before!, t => Assert.True(t.Value.Rows.Count > 0, $"{t.Key} was never filled: add its rows to FillAsync at the migration that created it"));
        if (Provider == DatabaseProviders.Sqlite)
        {
            await AssertEveryInstantIsStoredAtOffsetZeroAsync();
        }

        await using var app = NewContext();
        await AssertTheAppReadsItAllAsync(app);
    }

    /// <summary>What each release stored, written after the migration that created its tables.</summary>
    private async Task FillAsync(string migration)
    {
        switch (migration)
        {
            case "Initial":
                // The directory (people, then teams, then people's teams: the two point at each other) and the references the install lifecycle kept.
                await InsertAsync("People", new { Id = "li-na", TenantId = Tenant, AadObjectId = "2b6e4b6c-6e82-40d0-842c-b1d3ffbd0a33", DisplayName = "Li Na 李娜", Email = "li.na@contoso.example", TeamId = (string?)null, ReportsToId = (string?)null, IsAdmin = true, Locale = "zh-CN" });
                await InsertAsync("People", new { Id = "wang-lei", TenantId = Tenant, AadObjectId = "a3c4b5ff-78b0-4313-9df2-a1e60bc975b5", DisplayName = "Wang Lei 王磊", Email = "wang.lei@contoso.example", TeamId = (string?)null, ReportsToId = "li-na", IsAdmin = false, Locale = "zh-CN" });
                await InsertAsync("People", new { Id = "chen-jie", TenantId = Tenant, AadObjectId = "b4a7088a-da51-4de1-9744-9dc84098a62f", DisplayName = "Chen Jie 陈杰", Email = (string?)null, TeamId = (string?)null, ReportsToId = "li-na", IsAdmin = false, Locale = (string?)null });
                await InsertAsync("Teams", new { Id = "east-1", TenantId = Tenant, NameEn = "East District 1", NameZh = "华东一组", LeadId = "li-na", MeetingTime = new TimeOnly(8, 30), TimeZone = "Asia/Shanghai" });
                await ExecuteAsync("UPDATE \"People\" SET \"TeamId\" = 'east-1' WHERE \"Id\" IN ('wang-lei', 'chen-jie')");
                await InsertAsync("ConversationRecords", Reference("wang-lei", "a3c4b5ff-78b0-4313-9df2-a1e60bc975b5", Utc(11, 20, 1, 12, 7), Sh(11, 29, 9, 1), null));
                await InsertAsync("ConversationRecords", Reference("li-na", "2b6e4b6c-6e82-40d0-842c-b1d3ffbd0a33", Utc(11, 20, 1, 15), Utc(11, 20, 1, 15), null));
                await InsertAsync("ConversationRecords", Reference("chen-jie", "b4a7088a-da51-4de1-9744-9dc84098a62f", Sh(11, 21, 23, 50), Sh(11, 22, 0, 10), Sh(11, 22, 0, 10)));
                break;

            case "WorkLogs":
                await InsertAsync("People", new { Id = "zhao-min", TenantId = Tenant, AadObjectId = "3669dd5f-485c-4050-835e-14b6c3ec7088", DisplayName = "Zhao Min 赵敏", Email = (string?)null, TeamId = (string?)null, ReportsToId = "wang-lei", IsAdmin = false, Locale = "zh-CN" });
                await InsertAsync("LogTemplates", new { Id = "default", NameEn = "Daily work log", NameZh = "每日工作日志", Fields = Fields(), UpdatedAt = Utc(11, 28, 20, 0) });
                await InsertAsync("Teams", new { Id = "east-2", TenantId = Tenant, NameEn = "East District 2", NameZh = "华东二组", LeadId = "wang-lei", MeetingTime = new TimeOnly(9, 0), TimeZone = "Asia/Shanghai", DelegateIds = new List<string> { "li-na" }, LogTemplateId = "default" });
                await ExecuteAsync("UPDATE \"People\" SET \"TeamId\" = 'east-2' WHERE \"Id\" = 'zhao-min'");

                var wangs = Guid.Parse("5f0b2c1e-8a4d-4c1b-9f2e-3d4c5b6a7e81");
                await InsertAsync("WorkLogs", new
                {
                    Id = wangs, TenantId = Tenant, TeamId = "east-1", ManagerId = "wang-lei", WorkDate = new DateOnly(2026, 12, 1), Status = WorkLogStatus.Approved,
                    CurrentRevision = 2, OnTime = true, FirstSubmittedAt = Sh(12, 1, 0, 5), LastSubmittedAt = Utc(12, 1, 0, 20), ReviewedById = "li-na",
                    ReviewedAt = Sh(12, 1, 9, 40), QualityRating = (int?)4, ConcurrencyStamp = Guid.Parse("0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a"),
                });
                await InsertAsync("WorkLogRevisions", new { WorkLogId = wangs, Number = 1, Values = Values("12", "华美超市\n新华报亭", "拜访南京路三家新店"), SubmittedAt = Sh(12, 1, 0, 5), OnTime = true, SourceActivityId = "f:1-act-0005" });
                await InsertAsync("WorkLogRevisions", new { WorkLogId = wangs, Number = 2, Values = Values("13", "华美超市\n新华报亭\n东方便利", "拜访南京路三家新店，补交陈列照片"), SubmittedAt = Utc(12, 1, 0, 20), OnTime = true, SourceActivityId = (string?)null });
                await InsertAsync("WorkLogReviews", new { WorkLogId = wangs, RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Returned, Evaluation = "拜访量不错。", Requirement = "请补充陈列照片。", Suggestion = (string?)null, QualityRating = (int?)3, DecidedAt = Sh(12, 1, 0, 15) });
                await InsertAsync("WorkLogReviews", new { WorkLogId = wangs, RevisionNumber = 2, ReviewerId = "li-na", Decision = ReviewDecision.Approved, Evaluation = (string?)null, Requirement = (string?)null, Suggestion = (string?)null, QualityRating = (int?)4, DecidedAt = Sh(12, 1, 9, 40) });
                var chens = Guid.Parse("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
                await InsertAsync("WorkLogs", new
                {
                    Id = chens, TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", WorkDate = new DateOnly(2026, 12, 1), Status = WorkLogStatus.Submitted,
                    CurrentRevision = 1, OnTime = false, FirstSubmittedAt = Utc(12, 1, 0, 31), LastSubmittedAt = Utc(12, 1, 0, 31), ReviewedById = (string?)null,
                    ReviewedAt = (DateTimeOffset?)null, QualityRating = (int?)null, ConcurrencyStamp = Guid.Parse("1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b"),
                });
                await InsertAsync("WorkLogRevisions", new { WorkLogId = chens, Number = 1, Values = Values("8", "Xinhua Kiosk", "Follow up the kiosks' order"), SubmittedAt = Utc(12, 1, 0, 31), OnTime = false, SourceActivityId = "f:1-act-0831" });

                await InsertAsync("AuditEntries", Audit("wang-lei", "worklog.submitted", wangs, 1, Sh(12, 1, 0, 5)));
                await InsertAsync("AuditEntries", Audit("li-na", "worklog.returned", wangs, 1, Sh(12, 1, 0, 15)));
                await InsertAsync("AuditEntries", Audit("li-na", "worklog.approved", wangs, 2, Utc(12, 1, 1, 40)));
                await InsertAsync("Notifications", Notice("worklog.review", wangs.ToString(), 1, "li-na", NotificationStatus.Sent, Sh(12, 1, 0, 5), Sh(12, 1, 0, 5), null, Utc(11, 30, 16, 5, 1), null));
                await InsertAsync("Notifications", Notice("worklog.approved", wangs.ToString(), 2, "wang-lei", NotificationStatus.Pending, Utc(12, 1, 1, 40), Sh(12, 1, 9, 44), Utc(12, 1, 1, 42), null, null));
                await InsertAsync("Notifications", Notice("worklog.review", chens.ToString(), 1, "li-na", NotificationStatus.Undeliverable, Utc(12, 1, 0, 31), Utc(12, 1, 0, 31), null, null, "NotFound: conversation gone"));
                break;

            case "Schedule":
                await InsertAsync("Teams", new
                {
                    Id = "north-1", TenantId = Tenant, NameEn = "North District 1", NameZh = "华北一组", LeadId = "li-na", MeetingTime = new TimeOnly(8, 0), TimeZone = "Asia/Shanghai",
                    DelegateIds = new List<string>(), LogTemplateId = "default", HolidayCalendarId = "cn-mainland", ReminderOffsets = new List<int> { 45, 10 }, WorkingDays = new List<int> { 1, 2, 3, 4, 5, 6 },
                });
                await InsertAsync("TeamScheduleStates", new { TeamId = "east-1", LastRunAt = Sh(12, 1, 8, 31) });
                await InsertAsync("TeamScheduleStates", new { TeamId = "north-1", LastRunAt = Utc(12, 1, 0, 31) });
                await InsertAsync("SendWindows", new { Key = Tenant, Second = 1_796_000_000L, Count = 12 });
                await InsertAsync("Notifications", Notice("schedule.reminder", "east-1:2026-12-01", 60, "chen-jie", NotificationStatus.Sent, Sh(12, 1, 7, 30), Sh(12, 1, 7, 30), null, Utc(11, 30, 23, 30, 2), null));
                break;

            case "Transfers":
                await InsertAsync("TransferSettings", new { TenantId = Tenant, NumberPrefix = "XX", TimeZone = "Asia/Shanghai", FallbackPostId = "office", SeededJson = "{\"numberPrefix\":\"XX\"}" });
                await InsertAsync("TransferPosts", new
                {
                    Id = "customer-service", TenantId = Tenant, NameEn = "Customer service", NameZh = "客服部", LeadId = "li-na", MemberIds = new List<string> { "chen-jie" }, TimeZone = "Asia/Shanghai",
                    WorkStart = (TimeOnly?)new TimeOnly(8, 30), WorkEnd = (TimeOnly?)new TimeOnly(17, 30), WorkingDays = new List<int> { 1, 2, 3, 4, 5 }, HolidayCalendarId = "cn-mainland", Active = true, SeededJson = (string?)null,
                });
                await InsertAsync("TransferPosts", new
                {
                    Id = "office", TenantId = Tenant, NameEn = "Office", NameZh = "办公室", LeadId = (string?)null, MemberIds = new List<string> { "li-na" }, TimeZone = "Asia/Shanghai",
                    WorkStart = (TimeOnly?)null, WorkEnd = (TimeOnly?)null, WorkingDays = new List<int> { 1, 2, 3, 4, 5 }, HolidayCalendarId = (string?)null, Active = true, SeededJson = (string?)null,
                });
                await InsertAsync("TransferCategories", new
                {
                    Id = "complaint", TenantId = Tenant, NameEn = "Customer complaint", NameZh = "客户投诉", PostId = "customer-service", SortOrder = 3, Active = true, SeededJson = (string?)null,
                    NormalRemindAfterHours = 2.0, NormalEscalateAfterHours = 4.0, NormalHandleWithinHours = 16.0, UrgentRemindAfterHours = 0.5, UrgentEscalateAfterHours = 1.0, UrgentHandleWithinHours = 4.0,
                });
                await InsertAsync("TransferCounters", new { TenantId = Tenant, Year = 2026, LastNumber = 2 });
                var closed = Guid.Parse("c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8");
                await InsertAsync("TransferForms", Form(closed, 1, "wang-lei", TransferState.Closed, Utc(11, 30, 2, 0), new
                {
                    ReceivedAt = (DateTimeOffset?)Utc(11, 30, 2, 20), ReceivedById = "chen-jie", HandledAt = (DateTimeOffset?)Sh(11, 30, 11, 20), HandledById = "chen-jie",
                    HandlingOpinion = "已安排补货两箱。", Feedback = "司机已致歉。", ClosedAt = (DateTimeOffset?)Sh(11, 30, 15, 0), HandlingRating = (int?)5, ClosingComment = "谢谢！",
                    ReopenCount = 1, ReopenReason = "Only one case arrived.", ValueRating = (int?)4, ValueRatedById = "li-na", ValueRatedAt = (DateTimeOffset?)Utc(11, 30, 6, 0),
                    AckDueAt = Sh(11, 30, 12, 0), AckEscalateAt = Sh(11, 30, 14, 0), HandleDueAt = Sh(12, 1, 17, 0),
                    RemindedAt = (DateTimeOffset?)null, AckEscalatedAt = (DateTimeOffset?)null, HandleEscalatedAt = (DateTimeOffset?)null,
                }));
                await InsertAsync("TransferSteps", Step(closed, 0, TransferStepKind.Submitted, "wang-lei", Utc(11, 30, 2, 0), null, null));
                await InsertAsync("TransferSteps", Step(closed, 1, TransferStepKind.Acknowledged, "chen-jie", Utc(11, 30, 2, 20), null, null));
                await InsertAsync("TransferSteps", Step(closed, 2, TransferStepKind.Handled, "chen-jie", Sh(11, 30, 11, 20), "已安排补货两箱。", null));
                await InsertAsync("TransferSteps", Step(closed, 3, TransferStepKind.Closed, "wang-lei", Sh(11, 30, 15, 0), "谢谢！", 5));
                // Sent ten minutes after midnight in Beijing; due in the post's working hours, computed in its zone.
                var night = Guid.Parse("d2b3c4d5-e6f7-4081-92a3-b4c5d6e7f809");
                await InsertAsync("TransferForms", Form(night, 2, "wang-lei", TransferState.Sent, Utc(11, 30, 16, 10), new
                {
                    ReceivedAt = (DateTimeOffset?)null, ReceivedById = (string?)null, HandledAt = (DateTimeOffset?)null, HandledById = (string?)null,
                    HandlingOpinion = (string?)null, Feedback = (string?)null, ClosedAt = (DateTimeOffset?)null, HandlingRating = (int?)null, ClosingComment = (string?)null,
                    ReopenCount = 0, ReopenReason = (string?)null, ValueRating = (int?)null, ValueRatedById = (string?)null, ValueRatedAt = (DateTimeOffset?)null,
                    AckDueAt = Sh(12, 1, 10, 30), AckEscalateAt = Sh(12, 1, 12, 30), HandleDueAt = Sh(12, 2, 16, 30),
                    RemindedAt = (DateTimeOffset?)Utc(12, 1, 2, 31), AckEscalatedAt = (DateTimeOffset?)Sh(12, 1, 12, 31), HandleEscalatedAt = (DateTimeOffset?)null,
                }));
                await InsertAsync("TransferSteps", Step(night, 0, TransferStepKind.Submitted, "wang-lei", Utc(11, 30, 16, 10), null, null));
                await InsertAsync("AuditEntries", Audit("wang-lei", "transfer.submitted", night, 1, Utc(11, 30, 16, 10)));
                break;

            case "Coaching":
                var assessment = Guid.Parse("e3c4d5e6-f708-4192-a3b4-c5d6e7f8091a");
                await InsertAsync("CoachingAssessments", new { Id = assessment, TenantId = Tenant, ManagerId = "wang-lei", Number = 1, SuggestedType = (ManagerType?)ManagerType.StrongStartWeakFinish, ChosenType = ManagerType.StrongStartWeakFinish, Reason = (string?)null, DecidedById = "li-na", DecidedAt = Sh(12, 1, 10, 0), SourceActivityId = "f:1-act-1000" });
                await InsertAsync("CoachingActions", new { Id = Guid.Parse("f4d5e6f7-0819-42a3-b4c5-d6e7f8091a2b"), TenantId = Tenant, ManagerId = "wang-lei", AssessmentId = assessment, Type = ManagerType.StrongStartWeakFinish, PlaybookActionId = "month-end-plan", Due = new DateOnly(2026, 12, 8), Status = CoachingActionStatus.Done, ClosedById = "li-na", ClosedAt = (DateTimeOffset?)Sh(12, 7, 18, 0), Note = (string?)null });
                await InsertAsync("CoachingActions", new { Id = Guid.Parse("a5e6f708-192a-43b4-c5d6-e7f8091a2b3c"), TenantId = Tenant, ManagerId = "wang-lei", AssessmentId = assessment, Type = ManagerType.StrongStartWeakFinish, PlaybookActionId = "weekly-check", Due = new DateOnly(2026, 12, 15), Status = CoachingActionStatus.Open, ClosedById = (string?)null, ClosedAt = (DateTimeOffset?)null, Note = (string?)null });
                await InsertAsync("CoachingObservations", new { Id = Guid.Parse("b6f70819-2a3b-44c5-d6e7-f8091a2b3c4d"), TenantId = Tenant, ManagerId = "chen-jie", Kind = ObservationKind.CustomerComplaint, Note = "华美超市投诉送货晚了两天。", ObservedOn = new DateOnly(2026, 12, 1), RecordedById = "li-na", RecordedAt = Sh(12, 1, 23, 55), SourceActivityId = (string?)null });
                await InsertAsync("CoachingPulses", new { Id = Guid.Parse("c708192a-3b4c-45d6-e7f8-091a2b3c4d5e"), TenantId = Tenant, ManagerId = "chen-jie", Month = new DateOnly(2026, 12, 1), Confidence = 2, Motivation = 3, Fairness = 4, AnsweredAt = Sh(12, 1, 10, 5) });
                await InsertAsync("CoachingSnapshots", new { TenantId = Tenant, ManagerId = "wang-lei", Month = new DateOnly(2026, 12, 1), SuggestedType = (ManagerType?)ManagerType.StrongStartWeakFinish, Score = 0.8125, TakenAt = Utc(12, 1, 1, 30) });
                await InsertAsync("CoachingSnapshots", new { TenantId = Tenant, ManagerId = "chen-jie", Month = new DateOnly(2026, 12, 1), SuggestedType = (ManagerType?)null, Score = 0.0, TakenAt = Sh(12, 1, 9, 30) });
                await InsertAsync("Notifications", Notice("coaching.pulse", "2026-12", 0, "chen-jie", NotificationStatus.Sent, Sh(12, 1, 9, 30), Sh(12, 1, 9, 30), null, Sh(12, 1, 9, 30), null));
                break;

            case "LogCoverageAndPraise":
                await InsertAsync("Teams", new
                {
                    Id = "south-1", TenantId = Tenant, NameEn = "South District 1", NameZh = "华南一组", LeadId = "wang-lei", MeetingTime = new TimeOnly(9, 0), TimeZone = "Asia/Shanghai",
                    DelegateIds = new List<string>(), LogTemplateId = "default", HolidayCalendarId = "cn-mainland", ReminderOffsets = new List<int> { 60 }, WorkingDays = new List<int> { 1, 2, 3, 4, 5 },
                    LogCovers = LogCoverage.SameDay, LogDueTime = (TimeOnly?)new TimeOnly(20, 0),
                });
                await InsertAsync("WorkLogs", new
                {
                    Id = Guid.Parse("0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f"), TenantId = Tenant, TeamId = "east-2", ManagerId = "zhao-min", WorkDate = new DateOnly(2026, 12, 1), Status = WorkLogStatus.Approved,
                    CurrentRevision = 1, OnTime = true, FirstSubmittedAt = Sh(12, 1, 7, 55), LastSubmittedAt = Sh(12, 1, 7, 55), ReviewedById = "wang-lei", ReviewedAt = Sh(12, 1, 9, 20),
                    QualityRating = (int?)5, ConcurrencyStamp = Guid.Parse("2c3d4e5f-6071-4829-a3b4-c5d6e7f8091a"), PraisedById = "wang-lei", PraisedAt = Sh(12, 1, 9, 21),
                });
                break;

            case "DispatcherLeases":
                await InsertAsync("DispatcherLeases", new { InstanceId = "bot-7f3c", Host = "app-instance-1", StartedAt = Utc(12, 1, 0, 0, 3), LeaseUntil = Sh(12, 1, 8, 0) });
                await InsertAsync("Notifications", Notice("schedule.digest", "east-1:2026-12-01", 0, "li-na", NotificationStatus.Pending, Sh(12, 1, 8, 15), Sh(12, 1, 8, 15), Utc(12, 1, 0, 17), null, null, "bot-7f3c"));
                break;

            case "DirectorySync":
                // A Graph tenant: its delta links, a person who left (deactivated, kept), the runs (one waiting for an admin).
                await InsertAsync("People", new { Id = "g-0f1e2d3c4b5a69788796a5b4c3d2e1", TenantId = Tenant, AadObjectId = "5d6e7f80-91a2-4b3c-8d4e-5f60718293a4", DisplayName = "Left Person", Email = (string?)null, TeamId = (string?)null, ReportsToId = "li-na", IsAdmin = false, Locale = (string?)null, LeftAt = (DateTimeOffset?)Utc(12, 6, 18, 0), Roles = DiligenceBot.Organisation.DirectoryRoles.None });
                await InsertAsync("DirectorySyncStates", new { TenantId = Tenant, UsersDeltaLink = "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc", GroupsDeltaLink = "https://graph.microsoft.com/v1.0/groups/delta?$deltatoken=def", GroupsKey = "Manager:aaaaaaaa-0000-4000-8000-000000000001", LastAppliedAt = (DateTimeOffset?)Utc(12, 6, 18, 0) });
                await InsertAsync("DirectorySyncRuns", new
                {
                    Id = Guid.Parse("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"), TenantId = Tenant, Source = "graph", StartedAt = Utc(12, 6, 18, 0), FinishedAt = Utc(12, 6, 18, 1), Outcome = DiligenceBot.DirectorySync.DirectorySyncOutcome.Pending,
                    FullSync = false, Joins = 1, Moves = 2, Leaves = 30, Updates = 4, Conflicts = 0, People = 200, DryRun = "{\"joins\":[],\"moves\":[],\"leaves\":[],\"conflicts\":[]}", Error = (string?)null, DecidedById = (string?)null,
                });
                break;

            case "Customers":
                // A registered customer (the first row: id 1) and its move from one manager to another at a re-import.
                await InsertAsync("Customers", new
                {
                    TenantId = Tenant, LicenceNumber = "110105100123", Name = "华美便利店", Address = "朝阳区建国路88号", District = "朝阳区", Tier = "A",
                    ManagerId = "wang-lei", VisitsPerMonth = 4, CreatedAt = Utc(12, 6, 18, 0), UpdatedAt = Utc(12, 7, 1, 0),
                });
                await InsertAsync("CustomerManagerChanges", new { TenantId = Tenant, CustomerId = 1L, FromManagerId = (string?)"li-na", ToManagerId = "wang-lei", At = Utc(12, 7, 1, 0), ByPersonId = "li-na" });
                // A file offered with a consent card and not yet accepted (the import's error report).
                await InsertAsync("FileOffers", new { Id = Guid.Parse("4f5a6b7c-8d9e-4fa0-b1c2-d3e4f5a6b7c8"), TenantId = Tenant, PersonId = "li-na", FileName = "客户导入问题.xlsx", Content = new byte[] { 0x50, 0x4b, 0x03, 0x04 }, CreatedAt = Utc(12, 7, 1, 0) });
                break;

            case "MarketingPlans":
                // Wang Lei's plan for January 2027, returned once and approved at its second revision.
                var plan = Guid.Parse("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d");
                await InsertAsync("MarketingPlans", new
                {
                    Id = plan, TenantId = Tenant, TeamId = "east-1", ManagerId = "wang-lei", Month = new DateOnly(2027, 1, 1), Status = DiligenceBot.Plans.PlanStatus.Approved,
                    CurrentRevision = 2, OnTime = true, FirstSubmittedAt = Utc(12, 7, 2, 0), LastSubmittedAt = Utc(12, 7, 3, 0), ReviewedById = "li-na", ReviewedAt = Utc(12, 7, 4, 0),
                    QualityRating = (int?)4, ConcurrencyStamp = Guid.Parse("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e"),
                });
                await InsertAsync("MarketingPlanRevisions", new { PlanId = plan, Number = 1, VolumeCases = (decimal?)300m, ValueYuan = (decimal?)90000m, KeyBrands = (string?)"黄山", Measures = "新店陈列指导", Visits = "[{\"day\":\"2027-01-04\",\"customerId\":1}]", SubmittedAt = Utc(12, 7, 2, 0), SourceActivityId = (string?)"f:1-act-0101" });
                await InsertAsync("MarketingPlanRevisions", new { PlanId = plan, Number = 2, VolumeCases = (decimal?)320m, ValueYuan = (decimal?)96000.5m, KeyBrands = (string?)null, Measures = "新店陈列指导\n老客户回访", Visits = "[{\"day\":\"2027-01-04\",\"customerId\":1},{\"day\":\"2027-01-18\",\"customerId\":1}]", SubmittedAt = Utc(12, 7, 3, 0), SourceActivityId = (string?)null });
                await InsertAsync("MarketingPlanReviews", new { PlanId = plan, RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Returned, Evaluation = (string?)"目标偏低。", Requirement = (string?)null, Suggestion = (string?)null, QualityRating = (int?)3, DecidedAt = Utc(12, 7, 2, 30) });
                await InsertAsync("MarketingPlanReviews", new { PlanId = plan, RevisionNumber = 2, ReviewerId = "li-na", Decision = ReviewDecision.Approved, Evaluation = (string?)null, Requirement = (string?)null, Suggestion = (string?)null, QualityRating = (int?)4, DecidedAt = Utc(12, 7, 4, 0) });
                break;

            case "Meetings":
                // A training's minutes (checked), its attendance (one absent with a reason) and an open action item.
                var minutesId = Guid.Parse("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
                await InsertAsync("MeetingMinutes", new
                {
                    Id = minutesId, TenantId = Tenant, TeamId = "east-1", DraftId = Guid.Parse("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e"), MeetingDate = new DateOnly(2026, 12, 4),
                    Kind = DiligenceBot.Meetings.MeetingKind.Training, RecordedById = "li-na", RecordedAt = Utc(12, 4, 2, 0), Topics = "新品规卷烟的卖点", Decisions = (string?)"每人本周向五家零售户介绍新品",
                    TrainingTopicIds = new List<string> { "product", "sales" }, TrainingFormat = (DiligenceBot.Meetings.TrainingFormat?)DiligenceBot.Meetings.TrainingFormat.StudyVisit,
                    StudyVisitPlace = (string?)"卷烟厂", TrainingHours = (double?)2.5, CheckerId = (string?)"liu-yang", CheckedAt = (DateTimeOffset?)Utc(12, 4, 6, 0), CheckComment = (string?)"很好",
                    Revision = 2, ConcurrencyStamp = Guid.Parse("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
                });
                await InsertAsync("MeetingAttendance", new { MinutesId = minutesId, PersonId = "wang-lei", Present = true, AbsenceReason = (string?)null });
                await InsertAsync("MeetingAttendance", new { MinutesId = minutesId, PersonId = "chen-jie", Present = false, AbsenceReason = (string?)"病假" });
                await InsertAsync("ActionItems", new
                {
                    Id = Guid.Parse("8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a"), TenantId = Tenant, MinutesId = minutesId, TeamId = "east-1", Number = 1, OwnerId = "wang-lei", DueDate = new DateOnly(2026, 12, 11),
                    Text = "向五家零售户介绍新品", State = DiligenceBot.Meetings.ActionItemState.Open, Note = (string?)null, UpdatedAt = (DateTimeOffset?)null, DoneAt = (DateTimeOffset?)null,
                    RemindAt = Utc(12, 11, 0, 30), OverdueAt = Utc(12, 11, 16, 0), RemindedAt = (DateTimeOffset?)null, OverdueNotifiedAt = (DateTimeOffset?)null,
                    Revision = 1, ConcurrencyStamp = Guid.Parse("9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"),
                });
                break;

            case "PlanMeasures":
                // The second service measure of Wang Lei's January plan, marked done with a note.
                await InsertAsync("MarketingPlanMeasures", new { PlanId = Guid.Parse("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d"), Number = 2, Text = "老客户回访", Note = (string?)"已回访八家", DoneAt = Utc(12, 7, 5, 0) });
                break;

            case "Records":
                // Wang Lei's November work summary, returned once and verified (locked) at its second filing, with its file; and a file not yet filed.
                var recordId = Guid.Parse("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
                await InsertAsync("Records", new
                {
                    Id = recordId, TenantId = Tenant, TeamId = "east-1", ManagerId = "wang-lei", KindId = "monthly-summary", PeriodKey = "2026-11", Title = "11月工作总结",
                    CustomerIds = new List<long> { 1 }, Status = DiligenceBot.Records.RecordStatus.Verified, CurrentRevision = 2, FirstFiledAt = Utc(12, 2, 2, 0), LastFiledAt = Utc(12, 3, 2, 0),
                    VerifiedById = (string?)"li-na", VerifiedAt = (DateTimeOffset?)Utc(12, 3, 5, 0), ConcurrencyStamp = Guid.Parse("4d5e6f7a-8b9c-4dae-9f0a-2b3c4d5e6f7a"),
                });
                await InsertAsync("RecordFiles", new { TenantId = Tenant, OwnerId = "wang-lei", RecordId = (Guid?)recordId, FileName = "11月工作总结.pdf", FileType = "pdf", SizeBytes = 3026L, Sha256 = new string('a', 64), StorageKey = "fe71a704/2026/12/0001", ReceivedAt = Utc(12, 2, 1, 50) });
                await InsertAsync("RecordFiles", new { TenantId = Tenant, OwnerId = "chen-jie", RecordId = (Guid?)null, FileName = "签字确认书.jpg", FileType = "jpg", SizeBytes = 120_000L, Sha256 = new string('b', 64), StorageKey = "fe71a704/2026/12/0002", ReceivedAt = Utc(12, 3, 1, 0) });
                await InsertAsync("RecordReviews", new { RecordId = recordId, RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Returned, Evaluation = (string?)"缺少重点客户分析。", Requirement = (string?)null, Suggestion = (string?)null, QualityRating = (int?)3, DecidedAt = Utc(12, 2, 6, 0) });
                await InsertAsync("RecordReviews", new { RecordId = recordId, RevisionNumber = 2, ReviewerId = "li-na", Decision = ReviewDecision.Approved, Evaluation = (string?)null, Requirement = (string?)null, Suggestion = (string?)null, QualityRating = (int?)4, DecidedAt = Utc(12, 3, 5, 0) });
                break;

            case "PublishedScorecards":
                // Chen Jie's November scorecard, published by Li Na and objected to; one dimension adjusted, one indicator the lead scored.
                var scorecardId = Guid.Parse("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");
                await InsertAsync("PublishedScorecards", new
                {
                    Id = scorecardId, TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", PeriodKey = "2026-11", Total = 62.5m, State = DiligenceBot.Assessment.ScorecardState.Objected,
                    PublishedById = "li-na", PublishedAt = Utc(12, 3, 2, 0), RespondBy = new DateOnly(2026, 12, 8), AcknowledgedAt = (DateTimeOffset?)null,
                    ObjectionReason = (string?)"拜访次数漏计。", ObjectedAt = (DateTimeOffset?)Utc(12, 4, 1, 0), DeciderId = (string?)"liu-yang", DecidedById = (string?)null,
                    DecisionReason = (string?)null, DecidedAt = (DateTimeOffset?)null, ConcurrencyStamp = Guid.Parse("6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c"),
                });
                await InsertAsync("PublishedScorecardDimensions", new
                {
                    ScorecardId = scorecardId, DimensionId = "economic-results", NameEn = "Economic results", NameZh = "经济效益", Order = 2, Weight = 15m, MaxAdjustment = 3m,
                    Scored = 12m, Adjustment = -1m, AdjustmentReason = (string?)"两家客户流失。", AmendedPoints = (decimal?)null,
                });
                await InsertAsync("PublishedScorecardIndicators", new
                {
                    ScorecardId = scorecardId, DimensionId = "economic-results", IndicatorId = "volume", NameEn = "Volume against target", NameZh = "销量完成率", Source = "figures.volume",
                    Order = 0, MaxPoints = 8m, Value = (double?)null, Points = 6.5m, Reason = (string?)"本月未导入销量数据。",
                });
                break;

            case "SeedState":
                // The hash of the seeds a start last applied.
                await InsertAsync("SeedState", new { Id = 1, Hash = "9f2c6e0b1d4a7f3e8c5b2a9d6f0e3c7b1a4d8e2f5c9b3a6d0e7f1c4b8a2d5e9f", AppliedAt = Utc(12, 7, 11, 55) });
                break;

            case "SendWindowPerTenant":
                await InsertAsync("SendWindows", new { Key = Tenant, LastSlot = 89_800_000_123L });
                break;

            case "AppInstallations":
                // Chen Jie's app installed by the organisation and welcomed; Wang Lei's refused by Graph, with its reason.
                await InsertAsync("AppInstallations", new
                {
                    TenantId = Tenant, PersonId = "chen-jie", AadObjectId = "b4a7088a-da51-4de1-9744-9dc84098a62f", State = DiligenceBot.Installation.AppInstallationState.Installed, Attempts = 1,
                    CreatedAt = Utc(12, 7, 12, 0), NextAttemptAt = Utc(12, 7, 12, 0), InstalledAt = (DateTimeOffset?)Utc(12, 7, 12, 0), WasInstalled = false, ChatId = (string?)null,
                    WelcomedAt = (DateTimeOffset?)Utc(12, 7, 12, 1), LastError = (string?)null,
                });
                await InsertAsync("AppInstallations", new
                {
                    TenantId = Tenant, PersonId = "wang-lei", AadObjectId = "a3c4b5ff-78b0-4313-9df2-a1e60bc975b5", State = DiligenceBot.Installation.AppInstallationState.Failed, Attempts = 1,
                    CreatedAt = Utc(12, 7, 12, 0), NextAttemptAt = Utc(12, 7, 12, 0), InstalledAt = (DateTimeOffset?)null, WasInstalled = false, ChatId = (string?)null,
                    WelcomedAt = (DateTimeOffset?)null, LastError = (string?)"403 Forbidden: the app is blocked for this user by an app permission policy.",
                });
                break;

            case "ImportedFiguresAndEvaluations":
                // Wang Lei's imported November figures (amounts with decimals) and customer 1's evaluation of him, with a comment.
                await InsertAsync("ManagerFigures", new
                {
                    TenantId = Tenant, ManagerId = "wang-lei", Month = new DateOnly(2026, 11, 1), VolumeTargetCases = 320m, VolumeCases = 304.5m, ValueTargetYuan = 2_000_000m,
                    ValueYuan = 1_950_000.75m, ForecastCases = 342m, ImportedAt = Utc(12, 7, 12, 0), ImportedById = "li-na",
                });
                await InsertAsync("CustomerEvaluations", new
                {
                    TenantId = Tenant, CustomerId = 1L, ManagerId = "wang-lei", Month = new DateOnly(2026, 11, 1), VisitRegularity = 5, ServiceAttitude = 4, PolicyExplanation = 4,
                    ProblemSolving = 3, FairnessIntegrity = 5, Comment = (string?)"每周二按时来", ImportedAt = Utc(12, 7, 12, 0), ImportedById = "li-na",
                });
                break;

            case "SkillsAssessments":
                // Li Na's first-half skills assessment of Chen Jie (one weak topic, with the quiz behind it) and the quiz she sent him.
                var quizId = Guid.Parse("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
                var assessmentId = Guid.Parse("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");
                await InsertAsync("SkillsQuizzes", new
                {
                    Id = quizId, TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", HalfKey = "2026-H2", Year = 2026, SentById = "li-na", SentAt = Utc(12, 1, 2, 0),
                    AnsweredAt = (DateTimeOffset?)Utc(12, 1, 3, 0), Correct = (int?)1, ConcurrencyStamp = Guid.Parse("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"),
                });
                await InsertAsync("SkillsQuizQuestions", new
                {
                    QuizId = quizId, TenantId = Tenant, ManagerId = "chen-jie", Year = 2026, QuestionId = "company-01", TopicId = "company", Order = 0, Chosen = (int?)2, Right = (bool?)false,
                });
                await InsertAsync("SkillsAssessments", new
                {
                    Id = assessmentId, TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", HalfKey = "2026-H2", Year = 2026, RatedById = "li-na", RatedAt = Utc(12, 2, 1, 0),
                    Revision = 1, QuizId = (Guid?)quizId, ConcurrencyStamp = Guid.Parse("0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a"),
                });
                await InsertAsync("SkillsAreaResults", new
                {
                    AssessmentId = assessmentId, AreaId = "company", NameEn = "Company knowledge", NameZh = "企业知识", IsTopic = true, Order = 0, Rating = 2,
                    Evidence = "说不清本岗位的考核要求。", QuizAsked = (int?)1, QuizCorrect = (int?)0, Weak = true,
                });
                break;

            case "SurveyLinks":
                // A survey link Li Na issued for customer 1's December evaluation of Wang Lei, answered (only the id's hash is kept).
                await InsertAsync("SurveyLinks", new
                {
                    TenantId = Tenant, IdHash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), CustomerId = 1L, ManagerId = "wang-lei", Month = new DateOnly(2026, 12, 1),
                    IssuedById = "li-na", IssuedAt = Utc(12, 8, 1, 0), ExpiresAt = Utc(12, 31, 1, 0), AnsweredAt = (DateTimeOffset?)Utc(12, 8, 3, 0),
                });
                break;

            case "AnnualReviews":
                // Chen Jie's 2026 review, submitted by Li Na, proposed as the team's best and decided by Liu Yang.
                await InsertAsync("AnnualReviews", new
                {
                    Id = Guid.Parse("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"), TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", Year = 2026,
                    State = DiligenceBot.Assessment.AnnualState.Decided, YearlyScore = (decimal?)87.1m, MonthsScored = 11, Evaluation = "全年客户评价组内最好。",
                    SubmittedById = "li-na", SubmittedAt = Utc(12, 7, 13, 0), TeamRank = (int?)1, TeamRanked = (int?)2, Proposal = DiligenceBot.Assessment.AnnualProposal.Top,
                    DeciderId = (string?)"liu-yang", Decision = (DiligenceBot.Assessment.AnnualDecision?)DiligenceBot.Assessment.AnnualDecision.Advance,
                    DecisionReason = (string?)"可带新人。", DecidedById = (string?)"liu-yang", DecidedAt = (DateTimeOffset?)Utc(12, 7, 14, 0),
                    ConcurrencyStamp = Guid.Parse("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e"),
                });
                break;
        }
    }

    private static object Reference(string personId, string aadObjectId, DateTimeOffset created, DateTimeOffset updated, DateTimeOffset? retired) => new
    {
        TenantId = Tenant, ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/apac/", ConversationId = "a:1-personal-" + personId, ConversationType = "personal",
        UserId = "29:1-" + personId, AadObjectId = aadObjectId, UserName = personId, BotId = "28:9a1c1f5e-7d0b-4f43-8a7e-2a9f4c7b1d11", TeamsTeamId = (string?)null,
        Locale = "zh-CN", TimeZone = "Asia/Shanghai", CreatedAt = created, UpdatedAt = updated, RetiredAt = retired, RetiredReason = retired is null ? null : "uninstalled",
    };

    private static List<LogField> Fields() =>
    [
        new() { Key = "visits", Type = LogFieldTypes.Number, Required = true, Min = 0, Max = 100, LabelEn = "Visits made", LabelZh = "拜访户数" },
        new() { Key = "customers", Type = LogFieldTypes.Text, Required = true, MaxLength = 500, Multiline = true, LabelEn = "Customers visited", LabelZh = "拜访客户" },
        new() { Key = "plan", Type = LogFieldTypes.Text, Required = true, MinLength = 5, LabelEn = "Tomorrow's plan", LabelZh = "明日计划", PlaceholderEn = "Who, where, why", PlaceholderZh = "拜访谁、在哪里、为什么" },
    ];

    private static Dictionary<string, string> Values(string visits, string customers, string plan) => new() { ["visits"] = visits, ["customers"] = customers, ["plan"] = plan };

    private static object Audit(string actor, string action, Guid subject, int revision, DateTimeOffset at) => new
    {
        TenantId = Tenant, At = at, ActorId = actor, Action = action, SubjectType = action.Split('.')[0], SubjectId = subject.ToString(), Revision = (int?)revision,
        SourceVerb = action == "transfer.submitted" ? "transfer.submit" : "worklog.submit", SourceActivityId = "f:1-" + actor, SourceCardActivityId = (string?)null,
    };

    private static Dictionary<string, object?> Notice(string kind, string subject, int revision, string recipient, NotificationStatus status, DateTimeOffset created, DateTimeOffset next,
        DateTimeOffset? claimedUntil, DateTimeOffset? sent, string? error, string? claimedBy = null)
    {
        var row = Columns(new
        {
            TenantId = Tenant, Kind = kind, SubjectId = subject, Revision = revision, RecipientId = recipient, DedupKey = $"{kind}|{subject}|{revision}|{recipient}",
            Status = status, Attempts = status == NotificationStatus.Pending ? 1 : 0, CreatedAt = created, NextAttemptAt = next, ClaimedUntil = claimedUntil, SentAt = sent,
            SentActivityId = sent is null ? null : "1:sent-" + recipient, LastError = error,
        });
        if (claimedBy is not null)
        {
            row["ClaimedBy"] = claimedBy;
        }

        return row;
    }

    private static Dictionary<string, object?> Form(Guid id, int sequence, string provider, TransferState state, DateTimeOffset sent, object handling)
    {
        var row = Columns(new
        {
            Id = id, TenantId = Tenant, Number = $"XX-2026-{sequence:D6}", Year = 2026, Sequence = sequence, DraftId = Guid.NewGuid(), ProviderId = provider, ProviderTeamId = "east-1",
            CategoryId = "complaint", Urgency = TransferUrgency.Normal, Content = "华美超市反映上次送货少了两箱。", Request = "请本周内补送。", Customer = "华美超市", PostId = "customer-service",
            State = state, Revision = 1, SentAt = sent, ConcurrencyStamp = Guid.NewGuid(),
        });
        foreach (var (k, v) in Columns(handling))
        {
            row[k] = v;
        }

        return row;
    }

    private static object Step(Guid form, int fromRevision, TransferStepKind kind, string actor, DateTimeOffset at, string? text, int? rating) => new
    {
        FormId = form, FromRevision = fromRevision, Kind = kind, ActorId = actor, At = at, FromPostId = (string?)null, ToPostId = (string?)null, Text = text, Rating = rating,
        SourceActivityId = "f:1-" + kind,
    };

    private static Dictionary<string, object?> Columns(object row) => row as Dictionary<string, object?>
        ?? row.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(row), StringComparer.Ordinal);

    /// <summary>INSERTs one row with the given columns; a column the table does not have (yet) fails the test.</summary>
    private async Task InsertAsync(string table, object row)
    {
        var values = Columns(row);
        await using var connection = await OpenAsync();
        var existing = await ColumnsOfAsync(connection, table);
        Assert.All(values.Keys, c => Assert.True(existing.Contains(c), $"{table} has no column {c} at this step"));
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", values.Keys.Select((_, i) => "@p" + i))})";
        var index = 0;
        foreach (var (column, value) in values)
        {
            command.Parameters.Add(Parameter(command, table, column, value, "@p" + index++));
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A value as the release of the time wrote it: instants in the old layout (SQLite) or as written (servers), anything else through the app's own mapping.</summary>
    private DbParameter Parameter(DbCommand command, string table, string column, object? value, string name)
    {
        var property = _db.Model.GetEntityTypes().Where(e => e.GetTableName() == table).SelectMany(e => e.GetProperties()).FirstOrDefault(p => p.GetColumnName() == column);
        if (value is not null and not DateTimeOffset && property is not null && property.ClrType.IsInstanceOfType(value))
        {
            return property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable);
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset at when Provider == DatabaseProviders.Sqlite => OldSqliteInstants.ConvertToProvider(at),
            // Npgsql takes (and the release's converter wrote) UTC only; SQL Server kept the offset.
            DateTimeOffset at when Provider == DatabaseProviders.PostgreSql => at.ToUniversalTime(),
            _ => value,
        };
        return parameter;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection of its own (the migrator keeps the context's).</summary>
    private async Task<DbConnection> OpenAsync()
    {
        var own = DbProviderFactories.GetFactory(_db.Database.GetDbConnection())!.CreateConnection()!;
        own.ConnectionString = Provider == DatabaseProviders.Sqlite ? $"Data Source={_sqlitePath}" : _serverConnection;
        await own.OpenAsync();
        return own;
    }

    private static async Task<HashSet<string>> ColumnsOfAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet(StringComparer.Ordinal);
    }

    private sealed record Table(string[] Columns, List<Dictionary<string, string?>> Rows);

    /// <summary>Every row of every table of the product (not the migrations' own tables), each value in a comparable form.</summary>
    private async Task<Dictionary<string, Table>> SnapshotAsync()
    {
        await using var connection = await OpenAsync();
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Provider switch
            {
                DatabaseProviders.Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                DatabaseProviders.PostgreSql => "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
                _ => "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA = SCHEMA_NAME()",
            };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !n.StartsWith("__EF", StringComparison.Ordinal)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<Dictionary<string, string?>>();
            while (await reader.ReadAsync())
            {
                rows.Add(columns.Select((c, i) => (c, Comparable(name, c, reader.GetValue(i)))).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal));
            }

            tables[name] = new Table(columns, rows);
        }

        return tables;
    }

    /// <summary>A stored value as text; an instant as its UTC instant, read as the release that wrote it would have read it.</summary>
    private string? Comparable(string table, string column, object value) => value switch
    {
        DBNull => null,
        long binary when _instantColumns.Contains((table, column)) =>
            ((DateTimeOffset)OldSqliteInstants.ConvertFromProvider(binary)!).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        string s => s,
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Every row before the migration is still there after it, with the same values in the columns it had (renamed columns followed).</summary>
    private static void AssertKept(string migration, Dictionary<string, Table> before, Dictionary<string, Table> after)
    {
        foreach (var (name, table) in before)
        {
            Assert.True(after.TryGetValue(name, out var now), $"{migration} dropped the table {name}");
            if (ClearedOnPurpose.Contains((migration, name)))
            {
                Assert.Empty(now!.Rows);
                continue;
            }

            var columns = table.Columns.Select(c => (Old: c, New: Renamed.GetValueOrDefault((migration, name, c), c))).ToList();
            Assert.All(columns, c => Assert.True(now!.Columns.Contains(c.New), $"{migration} dropped {name}.{c.Old}"));
            var expected = table.Rows.Select(r => Row(columns.Select(c => (c.New, r[c.Old])))).Order(StringComparer.Ordinal).ToList();
            var actual = now!.Rows.Select(r => Row(columns.Select(c => (c.New, r[c.New])))).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{migration} changed {name}:\nbefore:\n{string.Join("\n", expected)}\nafter:\n{string.Join("\n", actual)}");
        }
    }

    private static string Row(IEnumerable<(string Column, string? Value)> values) =>
        string.Join(" | ", values.OrderBy(v => v.Column, StringComparer.Ordinal).Select(v => $"{v.Column}={v.Value ?? "NULL"}"));

    /// <summary>On SQLite, after InstantsInUtc, no instant carries an offset any more (the low 11 bits of the stored integer).</summary>
    private async Task AssertEveryInstantIsStoredAtOffsetZeroAsync()
    {
        await using var connection = await OpenAsync();
        foreach (var (table, column) in _instantColumns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE (\"{column}\" & 2047) <> 0";
            Assert.True((long)(await command.ExecuteScalarAsync())! == 0, $"{table}.{column} still holds instants at a non-zero offset");
        }
    }

    /// <summary>The app's own context reads every entity, and finds the old rows with UTC bounds.</summary>
    private static async Task AssertTheAppReadsItAllAsync(DiligenceDbContext app)
    {
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var type in app.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null))
        {
            var rows = await ((IQueryable<object>)set.MakeGenericMethod(type.ClrType).Invoke(app, null)!).AsNoTracking().ToListAsync();
            Assert.True(rows.Count > 0, $"no {type.ClrType.Name} read back");
        }

        // Teams from before the columns existed have the defaults a new team gets: Monday to Friday, reminded 60 and 15 minutes before, no delegates.
        var east1 = await app.Teams.AsNoTracking().SingleAsync(t => t.Id == "east-1");
        Assert.Equal([1, 2, 3, 4, 5], east1.WorkingDays);
        Assert.Equal([60, 15], east1.ReminderOffsets);
        Assert.Empty(east1.DelegateIds);
        Assert.Equal(LogCoverage.PreviousWorkingDay, east1.LogCovers);
        var north1 = await app.Teams.AsNoTracking().SingleAsync(t => t.Id == "north-1");
        Assert.Equal([1, 2, 3, 4, 5, 6], north1.WorkingDays);
        Assert.Equal([45, 10], north1.ReminderOffsets);

        // The form sent at 00:10 in Beijing is found by 1 December's Beijing day, with UTC bounds; its deadlines are the same instants.
        var from = Sh(12, 1, 0, 0).ToUniversalTime();
        var to = Sh(12, 2, 0, 0).ToUniversalTime();
        var night = await app.Set<TransferForm>().AsNoTracking().SingleAsync(f => f.SentAt >= from && f.SentAt < to);
        Assert.Equal(("XX-2026-000002", Sh(12, 1, 0, 10), Sh(12, 1, 10, 30), Sh(12, 2, 16, 30), TimeSpan.Zero),
            (night.Number, night.SentAt, night.AckDueAt, night.HandleDueAt, night.AckDueAt.Offset));
        var dueAt1031 = Sh(12, 1, 10, 31).ToUniversalTime();
        Assert.Equal(["XX-2026-000002"], await app.Set<TransferForm>().Where(f => f.State == TransferState.Sent && f.AckDueAt <= dueAt1031).Select(f => f.Number).ToListAsync());

        Assert.Equal(Sh(12, 1, 9, 21), (await app.WorkLogs.AsNoTracking().SingleAsync(l => l.ManagerId == "zhao-min")).PraisedAt);
        var plan = await app.Set<DiligenceBot.Plans.MarketingPlan>().AsNoTracking().Include(p => p.Revisions).Include(p => p.Reviews).Include(p => p.MeasuresDone).SingleAsync();
        Assert.Equal([(1, "新店陈列指导", false), (2, "老客户回访", true)], DiligenceBot.Plans.PlanMeasures.Of(plan).Select(m => (m.Number, m.Text, m.Done is not null)));
        Assert.Equal([(new DateOnly(2027, 1, 4), 1L), (new DateOnly(2027, 1, 18), 1L)], plan.Current.Visits.Select(v => (v.Day, v.CustomerId)));
        Assert.Equal((96000.5m, 25), (plan.Current.ValueYuan, (await app.Teams.AsNoTracking().SingleAsync(t => t.Id == "east-1")).PlanDueDay));
        var wangs = await app.WorkLogs.AsNoTracking().Include(l => l.Revisions).Include(l => l.Reviews).SingleAsync(l => l.ManagerId == "wang-lei");
        Assert.Equal((Sh(12, 1, 0, 5), Sh(12, 1, 9, 40), 2, 2), (wangs.FirstSubmittedAt, wangs.ReviewedAt!.Value, wangs.Revisions.Count, wangs.Reviews.Count));
        Assert.Equal("拜访南京路三家新店，补交陈列照片", wangs.Revisions.Single(r => r.Number == 2).Values["plan"]);
        Assert.Equal(3, (await app.LogTemplates.AsNoTracking().SingleAsync()).Fields.Count);
        Assert.Equal(Sh(11, 22, 0, 10), (await app.ConversationRecords.AsNoTracking().SingleAsync(c => c.UserId == "29:1-chen-jie")).RetiredAt);
        Assert.Equal(4, await app.Set<AuditEntry>().CountAsync());
        Assert.Equal(Sh(12, 1, 23, 55), (await app.Set<LeadObservation>().AsNoTracking().SingleAsync()).RecordedAt);
        Assert.Equal(2, await app.Set<Notification>().CountAsync(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= dueAt1031));
    }
}
