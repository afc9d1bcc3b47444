using System.Globalization;
using DiligenceBot.Coaching;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DiligenceBot.Bench;

/// <summary>What the seed wrote (rows per table, and what the evidence should find).</summary>
public sealed class SeedCounts
{
    public int Teams { get; set; }
    public int Leads { get; set; }
    public int Managers { get; set; }
    public int WorkingDays { get; set; }
    public int Logs { get; set; }
    public int LogsOnTime { get; set; }
    public int LogsRated { get; set; }
    public int Missing { get; set; }
    public int Revisions { get; set; }
    public int Reviews { get; set; }
    public int ReviewsReturned { get; set; }
    public int Forms { get; set; }
    public int FormsRated { get; set; }
    public int Steps { get; set; }
    public int Observations { get; set; }
    public int Pulses { get; set; }
}

/// <summary>
/// Writes one tenant for the bench: teams of ten managers (plus a lead each, not a member), Asia/Shanghai, meeting
/// 08:30, Monday–Friday, no holiday calendar; the given number of working days of work logs ending the working day
/// before the clock's day, with revisions and reviews; transfer forms raised by the managers; the leads'
/// observations and the managers' monthly pulses. Managers follow one of a few profiles (dependable, steady,
/// late, unsure, strong start/weak finish, average) so the rules have different things to find. Deterministic
/// for a seed.
/// </summary>
public sealed class CoachingSeed(int managers, int days, int seed, DateTimeOffset now)
{
    public const string TenantId = "bench-coaching";
    public const int ManagersPerTeam = 10;

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeOnly Meeting = new(8, 30);

    private static readonly string[] Requirements =
    [
        "客户名称写全称，不要用简称",
        "拜访户数和订货量要对得上",
        "市场信息要写清楚竞品的价格和数量",
        "下一工作日计划要具体到客户和时间",
        "问题与需求要写明需要谁来解决",
        "陈列情况要说明货架位置和排面数",
        "新客户要写清楚联系人和电话",
        "投诉处理要写明结果和客户是否满意",
        "Please list every customer you visited by their full name",
        "Write the competitor's actual price, not just 'cheaper'",
        "The plan must name the shops you will visit tomorrow",
        "Say who should solve each problem you report",
    ];

    private static readonly string[] Suggestions =
    [
        "可以先拜访大户，再走小店",
        "建议把同一条街的客户安排在同一天",
        "多和店主聊聊新品的反馈",
        "遇到断货先联系物流再上报",
        "把重点客户的订货规律记下来",
        "Try to visit the new shops before noon",
        "Ask the shop owners about the new brand's sales",
        "Group the visits by district to save travel time",
    ];

    private static readonly string[] Evaluations =
    [
        "整体不错，细节还要加强",
        "内容太简单",
        "计划不够具体",
        "Good detail on the market, but the plan is vague",
        "Too short",
        "",
    ];

    private static readonly string[] Details = ["（华美便利店）", "（新华报亭）", "（东街烟酒行）", " (Huamei Store)", " (Station Kiosk)", ""];
    private static readonly string[] Categories = ["market", "competitor", "complaint", "quality", "supply", "policy", "other"];
    private static readonly string[] Posts = ["customer-service", "logistics", "brand", "office"];

    private readonly Random _random = new(seed);

    /// <summary>The seeded working days (oldest first): <c>days</c> weekdays ending the weekday before the clock's local day.</summary>
    public IReadOnlyList<DateOnly> WorkDays { get; } = SeededDays(days, now);

    /// <summary>The clock's day in the teams' time zone.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    private enum Profile
    {
        Dependable,
        Steady,
        Late,
        Unsure,
        WeakFinish,
        Average,
    }

    private sealed record Traits(Profile Profile, double OnTime, double Missing, double Rating, double Returns, double FormsPerMonth, bool LeadRepeats);

    public static IReadOnlyList<DateOnly> SeededDays(int count, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var result = new List<DateOnly>(count);
        for (var d = today.AddDays(-1); result.Count < count; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                result.Add(d);
            }
        }

        result.Reverse();
        return result;
    }

    public async Task<SeedCounts> WriteAsync(DiligenceDbContext db, CancellationToken cancellationToken)
    {
        var counts = new SeedCounts { WorkingDays = WorkDays.Count };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();

        // People and teams through EF (a few thousand rows; their list columns use EF's own JSON mapping).
        var teams = new List<(Team Team, List<Person> Members)>();
        var teamCount = (managers + ManagersPerTeam - 1) / ManagersPerTeam;
        var number = 0;
        for (var t = 1; t <= teamCount; t++)
        {
            var lead = new Person
            {
                Id = $"lead-{t:D4}",
                TenantId = TenantId,
                AadObjectId = NewGuid().ToString(),
                DisplayName = $"Lead {t:D4}",
                Email = $"lead{t:D4}@bench.example",
                Locale = "zh-CN",
            };
            var team = new Team
            {
                Id = $"team-{t:D4}",
                TenantId = TenantId,
                NameEn = $"Sales team {t:D4}",
                NameZh = $"营销{t:D4}组",
                LeadId = lead.Id,
                MeetingTime = Meeting,
                TimeZone = "Asia/Shanghai",
                WorkingDays = [1, 2, 3, 4, 5],
                HolidayCalendarId = null,
                LogTemplateId = "field-sales",
            };
            var members = new List<Person>();
            for (var i = 0; i < ManagersPerTeam && number < managers; i++)
            {
                number++;
                members.Add(new Person
                {
                    Id = $"m-{number:D5}",
                    TenantId = TenantId,
                    AadObjectId = NewGuid().ToString(),
                    DisplayName = $"Manager {number:D5}",
                    Email = $"m{number:D5}@bench.example",
                    TeamId = team.Id,
                    Locale = "zh-CN",
                });
            }

            db.People.Add(lead);
            db.Teams.Add(team);
            db.People.AddRange(members);
            teams.Add((team, members));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        counts.Teams = teams.Count;
        counts.Leads = teams.Count;
        counts.Managers = number;

        // The rest with prepared inserts (hundreds of thousands of rows).
        using var logs = new BulkInsert<WorkLog>(db, dbTransaction);
        using var revisions = new BulkInsert<WorkLogRevision>(db, dbTransaction);
        using var reviews = new BulkInsert<WorkLogReview>(db, dbTransaction);
        using var observations = new BulkInsert<LeadObservation>(db, dbTransaction);
        using var pulses = new BulkInsert<PulseResponse>(db, dbTransaction);
        var forms = new List<TransferForm>();
        foreach (var (team, members) in teams)
        {
            foreach (var manager in members)
            {
                var traits = DrawTraits();
                WriteLogs(team, manager, traits, logs, revisions, reviews, counts);
                forms.AddRange(DrawForms(team, manager, traits));
                WriteObservations(team, manager, traits, observations);
                WritePulses(manager, traits, pulses);
            }
        }

        counts.Observations = observations.Count;
        counts.Pulses = pulses.Count;

        // Forms numbered in the order they were sent, per year, as the register does.
        using var formRows = new BulkInsert<TransferForm>(db, dbTransaction);
        using var steps = new BulkInsert<TransferStep>(db, dbTransaction);
        using var counters = new BulkInsert<TransferCounter>(db, dbTransaction);
        foreach (var year in forms.OrderBy(f => f.SentAt).GroupBy(f => f.Year))
        {
            var sequence = 0;
            foreach (var form in year)
            {
                form.Sequence = ++sequence;
                form.Number = string.Create(CultureInfo.InvariantCulture, $"BC-{form.Year}-{form.Sequence:D6}");
                formRows.Add(form);
                foreach (var step in form.Steps)
                {
                    step.FormId = form.Id;
                    steps.Add(step);
                }

                counts.FormsRated += form.ValueRating is null ? 0 : 1;
            }

            counters.Add(new TransferCounter { TenantId = TenantId, Year = year.Key, LastNumber = sequence });
        }

        counts.Forms = formRows.Count;
        counts.Steps = steps.Count;
        await transaction.CommitAsync(cancellationToken);
        await db.Database.CloseConnectionAsync();
        return counts;
    }

    private Traits DrawTraits()
    {
        var r = _random.NextDouble();
        var repeats = _random.NextDouble() < 0.2;
        return r switch
        {
            < 0.25 => new Traits(Profile.Dependable, Between(0.95, 1.0), 0.005, Between(4.3, 4.9), 0.03, 3.0, repeats),
            < 0.58 => new Traits(Profile.Steady, Between(0.85, 0.97), 0.02, Between(3.6, 4.4), 0.08, 2.0, repeats),
            < 0.72 => new Traits(Profile.Late, Between(0.35, 0.7), Between(0.05, 0.2), Between(2.8, 3.8), 0.12, 0.6, repeats),
            < 0.82 => new Traits(Profile.Unsure, Between(0.88, 0.99), 0.01, Between(2.2, 3.0), 0.35, 1.0, repeats),
            < 0.90 => new Traits(Profile.WeakFinish, 0.95, 0.02, 4.2, 0.08, 1.5, repeats),
            _ => new Traits(Profile.Average, Between(0.7, 0.9), 0.05, Between(3.2, 4.0), 0.1, 1.2, repeats),
        };
    }

    private void WriteLogs(Team team, Person manager, Traits traits, BulkInsert<WorkLog> logs, BulkInsert<WorkLogRevision> revisions,
        BulkInsert<WorkLogReview> reviews, SeedCounts counts)
    {
        var repeated = Requirements[_random.Next(Requirements.Length)];
        for (var i = 0; i < WorkDays.Count; i++)
        {
            var day = WorkDays[i];
            var age = WorkDays.Count - 1 - i; // working days before the last seeded day
            if (_random.NextDouble() < traits.Missing)
            {
                counts.Missing++;
                continue;
            }

            var lateInMonth = traits.Profile == Profile.WeakFinish && day.Day >= 21;
            var onTime = _random.NextDouble() < (lateInMonth ? 0.45 : traits.OnTime);
            var deadline = Local(day, Meeting);
            var submitted = onTime
                ? deadline - TimeSpan.FromMinutes(_random.Next(10, 15 * 60))
                : deadline + TimeSpan.FromMinutes(_random.Next(1, 9 * 60));
            var log = new WorkLog
            {
                Id = NewGuid(),
                TenantId = TenantId,
                TeamId = team.Id,
                ManagerId = manager.Id,
                WorkDate = day,
                Status = WorkLogStatus.Submitted,
                CurrentRevision = 1,
                OnTime = onTime,
                FirstSubmittedAt = submitted,
                LastSubmittedAt = submitted,
                ConcurrencyStamp = NewGuid(),
            };
            var pending = new List<WorkLogRevision> { Revision(log.Id, 1, submitted, onTime) };
            var decided = new List<WorkLogReview>();

            // The lead reviews most logs within a day or two; the last two days are still partly open.
            var reviewed = _random.NextDouble() < (age < 2 ? 0.5 : 0.95);
            if (reviewed)
            {
                var rating = Rating(lateInMonth ? 3.0 : traits.Rating);
                var at = submitted + TimeSpan.FromMinutes(_random.Next(60, 10 * 60));
                if (_random.NextDouble() < traits.Returns)
                {
                    var requirement = traits.LeadRepeats && _random.NextDouble() < 0.8
                        ? repeated
                        : Requirements[_random.Next(Requirements.Length)] + Details[_random.Next(Details.Length)];
                    decided.Add(new WorkLogReview
                    {
                        WorkLogId = log.Id,
                        RevisionNumber = 1,
                        ReviewerId = team.LeadId!,
                        Decision = ReviewDecision.Returned,
                        Evaluation = Blank(Evaluations[_random.Next(Evaluations.Length)]),
                        Requirement = requirement,
                        Suggestion = _random.NextDouble() < 0.6 ? Suggestions[_random.Next(Suggestions.Length)] : null,
                        QualityRating = Math.Min(rating, 3),
                        DecidedAt = at,
                    });
                    log.Status = WorkLogStatus.Returned;
                    log.QualityRating = Math.Min(rating, 3);
                    log.ReviewedById = team.LeadId;
                    log.ReviewedAt = at;

                    // Usually revised the same day and approved the next; the newest may still be waiting.
                    if (age >= 1 && _random.NextDouble() < 0.9)
                    {
                        var resubmitted = at + TimeSpan.FromMinutes(_random.Next(30, 8 * 60));
                        pending.Add(Revision(log.Id, 2, resubmitted, onTime));
                        log.CurrentRevision = 2;
                        log.Status = WorkLogStatus.Submitted;
                        log.LastSubmittedAt = resubmitted;
                        if (_random.NextDouble() < 0.9)
                        {
                            var approvedAt = resubmitted + TimeSpan.FromMinutes(_random.Next(30, 16 * 60));
                            var second = Math.Min(5, rating + 1);
                            decided.Add(Approval(log.Id, 2, team.LeadId!, second, approvedAt));
                            log.Status = WorkLogStatus.Approved;
                            log.QualityRating = second;
                            log.ReviewedAt = approvedAt;
                        }
                    }
                }
                else
                {
                    var rated = _random.NextDouble() < 0.92 ? rating : (int?)null;
                    decided.Add(Approval(log.Id, 1, team.LeadId!, rated, at));
                    log.Status = WorkLogStatus.Approved;
                    log.QualityRating = rated;
                    log.ReviewedById = team.LeadId;
                    log.ReviewedAt = at;
                }
            }

            logs.Add(log);
            foreach (var revision in pending)
            {
                revisions.Add(revision);
            }

            foreach (var review in decided)
            {
                reviews.Add(review);
                counts.ReviewsReturned += review.Decision == ReviewDecision.Returned ? 1 : 0;
            }

            counts.Logs++;
            counts.LogsOnTime += onTime ? 1 : 0;
            counts.LogsRated += log.QualityRating is null ? 0 : 1;
            counts.Revisions += pending.Count;
            counts.Reviews += decided.Count;
        }
    }

    private List<TransferForm> DrawForms(Team team, Person manager, Traits traits)
    {
        var forms = new List<TransferForm>();
        var count = Poisson(traits.FormsPerMonth * WorkDays.Count / 21.0);
        for (var i = 0; i < count; i++)
        {
            var dayIndex = _random.Next(WorkDays.Count);
            var day = WorkDays[dayIndex];
            var age = WorkDays.Count - 1 - dayIndex;
            var sent = Local(day, new TimeOnly(9, 0)) + TimeSpan.FromMinutes(_random.Next(0, 9 * 60));
            var category = Categories[_random.Next(Categories.Length)];
            var post = Posts[_random.Next(Posts.Length)];
            var form = new TransferForm
            {
                Id = NewGuid(),
                TenantId = TenantId,
                Number = "",
                Year = TimeZoneInfo.ConvertTime(sent, Zone).Year,
                DraftId = NewGuid(),
                ProviderId = manager.Id,
                ProviderTeamId = team.Id,
                CategoryId = category,
                Urgency = _random.NextDouble() < 0.1 ? TransferUrgency.Urgent : TransferUrgency.Normal,
                Content = category switch
                {
                    "competitor" => "竞品在车站附近的报亭降价促销，每条便宜5元。",
                    "complaint" => "零售户反映上周到货有破损，要求更换。",
                    "supply" => "华美便利店的畅销规格连续两周断货。",
                    _ => "零售户希望增加新品的陈列物料和宣传单。",
                },
                Request = _random.NextDouble() < 0.5 ? "请相关部门本周内答复。" : null,
                Customer = _random.NextDouble() < 0.4 ? "华美便利店" : null,
                PostId = post,
                State = TransferState.Sent,
                Revision = 1,
                SentAt = sent,
                AckDueAt = sent + TimeSpan.FromHours(4),
                AckEscalateAt = sent + TimeSpan.FromHours(8),
                HandleDueAt = sent + TimeSpan.FromDays(2),
                ConcurrencyStamp = NewGuid(),
            };
            form.Steps.Add(new TransferStep { FromRevision = 0, Kind = TransferStepKind.Submitted, ActorId = manager.Id, At = sent, ToPostId = post });
            if (age >= 1)
            {
                var received = sent + TimeSpan.FromMinutes(_random.Next(10, 240));
                form.State = TransferState.Acknowledged;
                form.ReceivedAt = received;
                form.ReceivedById = "receiver-" + post;
                form.Revision = 2;
                form.Steps.Add(new TransferStep { FromRevision = 1, Kind = TransferStepKind.Acknowledged, ActorId = form.ReceivedById, At = received });
                if (age >= 3 && _random.NextDouble() < 0.9)
                {
                    var handled = received + TimeSpan.FromHours(_random.Next(2, 40));
                    form.State = TransferState.Handled;
                    form.HandledAt = handled;
                    form.HandledById = form.ReceivedById;
                    form.HandlingOpinion = "已安排处理，结果见反馈。";
                    form.Feedback = "已联系零售户并处理完毕。";
                    form.Revision = 3;
                    form.Steps.Add(new TransferStep { FromRevision = 2, Kind = TransferStepKind.Handled, ActorId = form.HandledById, At = handled, Text = form.HandlingOpinion });
                    if (_random.NextDouble() < 0.75)
                    {
                        var closed = handled + TimeSpan.FromHours(_random.Next(1, 30));
                        form.State = TransferState.Closed;
                        form.ClosedAt = closed;
                        form.HandlingRating = 3 + _random.Next(3);
                        form.Revision = 4;
                        form.Steps.Add(new TransferStep { FromRevision = 3, Kind = TransferStepKind.Closed, ActorId = manager.Id, At = closed, Rating = form.HandlingRating });
                    }
                }
            }

            // The lead rates the information's value at the daily check, for most forms older than a day.
            if (age >= 1 && _random.NextDouble() < 0.7)
            {
                var mean = traits.Profile == Profile.Dependable ? 4.4 : traits.Profile == Profile.Late ? 2.8 : 3.6;
                form.ValueRating = Rating(mean);
                form.ValueRatedById = team.LeadId;
                form.ValueRatedAt = sent + TimeSpan.FromHours(_random.Next(4, 30));
            }

            forms.Add(form);
        }

        return forms;
    }

    private void WriteObservations(Team team, Person manager, Traits traits, BulkInsert<LeadObservation> observations)
    {
        // About one manager in ten has notes from the lead; the unsure and the late get more of them.
        var chance = traits.Profile switch { Profile.Unsure => 0.3, Profile.Late => 0.2, _ => 0.08 };
        if (_random.NextDouble() >= chance)
        {
            return;
        }

        var notes = 1 + _random.Next(3);
        for (var i = 0; i < notes; i++)
        {
            var r = _random.NextDouble();
            var kind = traits.Profile switch
            {
                Profile.Unsure when r < 0.6 => ObservationKind.LowConfidence,
                Profile.Late when r < 0.5 => ObservationKind.LowMorale,
                _ => r switch
                {
                    < 0.3 => ObservationKind.CustomerComplaint,
                    < 0.45 => ObservationKind.FairnessGrievance,
                    < 0.6 => ObservationKind.LowMorale,
                    < 0.7 => ObservationKind.LowConfidence,
                    < 0.95 => ObservationKind.Praise,
                    _ => ObservationKind.Other,
                },
            };
            var day = WorkDays[_random.Next(WorkDays.Count)];
            observations.Add(new LeadObservation
            {
                Id = NewGuid(),
                TenantId = TenantId,
                ManagerId = manager.Id,
                Kind = kind,
                Note = kind switch
                {
                    ObservationKind.CustomerComplaint => "零售户投诉送货时间不固定。",
                    ObservationKind.FairnessGrievance => "觉得片区分配不公平。",
                    ObservationKind.LowMorale => "最近情绪低落，晨会不发言。",
                    ObservationKind.LowConfidence => "不敢向大客户推荐新品。",
                    ObservationKind.Praise => "客户当面表扬服务周到。",
                    _ => "请假两天处理家事。",
                },
                ObservedOn = day,
                RecordedById = team.LeadId!,
                RecordedAt = Local(day, new TimeOnly(18, 0)),
            });
        }
    }

    private void WritePulses(Person manager, Traits traits, BulkInsert<PulseResponse> pulses)
    {
        // The pulse goes out on each month's first working day; months whose first working day was seeded.
        foreach (var first in WorkDays.Where(d => FirstWeekdayOfMonth(d) == d))
        {
            if (_random.NextDouble() >= 0.8)
            {
                continue;
            }

            var answered = Local(first, new TimeOnly(10, 0)) + TimeSpan.FromMinutes(_random.Next(0, 3 * 24 * 60));
            if (answered >= now)
            {
                continue;
            }

            pulses.Add(new PulseResponse
            {
                Id = NewGuid(),
                TenantId = TenantId,
                ManagerId = manager.Id,
                Month = new DateOnly(first.Year, first.Month, 1),
                Confidence = traits.Profile == Profile.Unsure ? 1 + _random.Next(3) : Answer(),
                Motivation = traits.Profile == Profile.Late ? 1 + _random.Next(4) : Answer(),
                Fairness = Answer(),
                AnsweredAt = answered,
            });
        }
    }

    private static DateOnly FirstWeekdayOfMonth(DateOnly day)
    {
        var d = new DateOnly(day.Year, day.Month, 1);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private static WorkLogReview Approval(Guid logId, int revision, string leadId, int? rating, DateTimeOffset at) => new()
    {
        WorkLogId = logId,
        RevisionNumber = revision,
        ReviewerId = leadId,
        Decision = ReviewDecision.Approved,
        QualityRating = rating,
        DecidedAt = at,
    };

    private WorkLogRevision Revision(Guid logId, int number, DateTimeOffset at, bool onTime) => new()
    {
        WorkLogId = logId,
        Number = number,
        Values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["visits"] = (8 + _random.Next(12)).ToString(CultureInfo.InvariantCulture),
            ["customers"] = "华美便利店\n新华报亭\n东街烟酒行",
            ["volume"] = (40 + _random.Next(120)).ToString(CultureInfo.InvariantCulture),
            ["focus"] = "routine",
            ["plan"] = "拜访南京路新开的三家店",
        },
        SubmittedAt = at,
        OnTime = onTime,
        SourceActivityId = "f:" + NewGuid().ToString("N"),
    };

    /// <summary>An instant stored as the app stores them: UTC (the app's clock is <c>TimeProvider.GetUtcNow()</c>).</summary>
    private static DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private int Answer()
    {
        // Mostly 3–5; about one answer in eight is low.
        var r = _random.NextDouble();
        return r < 0.04 ? 1 : r < 0.12 ? 2 : r < 0.35 ? 3 : r < 0.75 ? 4 : 5;
    }

    private int Rating(double mean)
    {
        // Box–Muller: a normal around the manager's mean, sd 0.7, rounded into 1..5.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Clamp((int)Math.Round(mean + (0.7 * normal)), 1, 5);
    }

    private int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var p = _random.NextDouble(); p > limit; p *= _random.NextDouble())
        {
            k++;
        }

        return k;
    }

    private double Between(double low, double high) => low + ((high - low) * _random.NextDouble());

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
