using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.Coaching;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.Transfers;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;
using static DiligenceBot.Tests.Transfers.TransferDriver;

namespace DiligenceBot.Tests.Hostile;

/// <summary>
/// The hostile-activity suite: hundreds of distinct malformed, oversized, wrongly typed, forged and stale requests,
/// generated from real Teams activities and real card submissions of a running organisation (a log submitted, forms
/// sent and handled, a coaching decision, a pulse answered), each sent through the real <c>/api/messages</c>. For
/// every one: no 5xx, nothing at error level (or with an exception) in the log, and not one row of the database
/// changed. Most card cases are valid but for one input (made invisible, non-finite, of the wrong type, or a number
/// the bot never issued), so a bot that let that input through would store something and fail here. Some run
/// against an authenticated instance with forged and stale tokens from the local issuer.
/// </summary>
public sealed class HostileActivityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Raw = "@raw:";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly LogCapture _log = new();
    private readonly LogCapture _authLog = new();
    private LocalConnector _connector = null!;
    private LocalOpenIdIssuer _issuer = null!;
    private BotApp _bot = null!;
    private BotApp _authBot = null!;
    private WorkLogDriver _t = null!;

    private Guid _logId;
    private Guid _sentForm;
    private Guid _handledForm;
    private string _otherPost = string.Empty;
    private JsonObject _coachCard = null!;
    private JsonObject _pulseCard = null!;

    /// <summary>Text that shows nothing: each must count as empty in every required input.</summary>
    public static readonly string[] Invisible =
    [
        "", " ", "\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD", "\u202E", "\u2066\u2069", "\u200E\u200F", "\u061C",
        "\u3000", "\u00A0\u2003\u2009\u202F", "\n\t \r\n", "\u180E", "\u3164", "\u2800", "\uFE0F", "\U000E0020\U000E007F", "\u034F",
        "\u200B \u3000\u202E\uFEFF\u2028\u2029", "\u115F\u1160\uFFA0", "\u2061\u2062\u2063\u2064",
    ];

    /// <summary>Text with control characters (refused in any input) and characters no input produces.</summary>
    public static readonly string[] Controls = ["\u0000x visited", "ab\u0001cd shops", "\u001b[31mred alert", "shops\u007f", "line\u0085next line", "\b\b\babc shops"];

    /// <summary>Numbers that are not finite, typed or as JSON numbers (the raw ones go into the body unquoted).</summary>
    public static readonly string[] NonFinite =
    [
        "NaN", "nan", "Infinity", "-Infinity", "+Infinity", "∞", "-∞", "1e309", "-1e309", "1E400", " Infinity ", "\u200BNaN",
        Raw + "1e309", Raw + "-1e309", Raw + "1e400", Raw + "123456789e999",
    ];

    /// <summary>What no card input sends for a field: every JSON type but the right one, and a text far too long.</summary>
    public static readonly string[] WrongTypes =
    [
        Raw + "null", Raw + "42", Raw + "-1", Raw + "true", Raw + "false", Raw + "{}", Raw + "[]", Raw + "[null]", Raw + "{\"a\":[1,{\"b\":null}]}",
        Raw + "1.5", Raw + "1e309", Raw + "2147483648", new string('x', 100_000),
    ];

    private static readonly string[] LogFields = ["visits", "customers", "volume", "focus", "market", "problems", "plan", "nextKeyVisit"];

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _bot = new BotApp(time: _time, logs: _log).Start();
        _authBot = new BotApp(_issuer, logs: _authLog).Start();
        _t = new WorkLogDriver(_bot, _connector);

        // From here on, not before: on PostgreSQL, EF's first migration of a fresh database logs error-level probes of
        // the database and its history table (npgsql/efcore.pg#3402) that say nothing about the day below.
        var startedAt = _log.Entries.Count;
        foreach (var user in new[] { TeamsUser.WangLei, TeamsUser.LiNa, TeamsUser.ChenJie, SunHao, LiuYang, ZhaoMin })
        {
            await _t.InstallAsync(user);
        }

        // A day in the organisation: Wang Lei's log, two forms (one handled by Sun Hao), Li Na's decision on Chen Jie, his pulse.
        var (summary, answer) = await _t.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, WorkLogDriver.SubmitData("2026-11-30", 0, WorkLogDriver.ValidInputs()));
        Assert.True(summary is not null, answer.ToJsonString());
        var transfers = new TransferDriver(_bot, _connector);
        _sentForm = (await transfers.SubmitAsync(TeamsUser.WangLei)).Id;
        _handledForm = (await transfers.SubmitAsync(TeamsUser.WangLei)).Id;
        var (handled, handledAnswer) = await _t.ExecuteAsync(SunHao, TransferCards.HandleVerb,
            StepData(TransferCards.HandleVerb, _handledForm, 1, (TransferCards.OpinionInput, "Delivered the missing cases.")));
        Assert.True(handled is not null, handledAnswer.ToJsonString());
        await using (var db = _bot.CreateDbContext())
        {
            _logId = (await db.WorkLogs.SingleAsync()).Id;
            var form = await db.Set<TransferForm>().SingleAsync(f => f.Id == _sentForm);
            _otherPost = form.PostId == "office" ? "customer-service" : "office";
            Assert.Equal(TransferState.Handled, (await db.Set<TransferForm>().SingleAsync(f => f.Id == _handledForm)).State);
        }

        var (coach, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.OpenVerb, new JsonObject { ["verb"] = CoachingCards.OpenVerb, ["managerId"] = "chen-jie" });
        var (decided, decidedAnswer) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb,
            Press(coach!, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "excellent"), (CoachingCards.ReasonInput, "Top volumes three months running")));
        Assert.True(decided is not null, decidedAnswer.ToJsonString());
        _coachCard = decided!;
        var (pulse, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, CoachingCards.PulseOpenVerb, new JsonObject { ["verb"] = CoachingCards.PulseOpenVerb });
        _pulseCard = pulse!;
        var (thanks, thanksAnswer) = await _t.ExecuteAsync(TeamsUser.ChenJie, CoachingCards.PulseSubmitVerb, Pulse("4", "3", "1"));
        Assert.True(thanks is not null, thanksAnswer.ToJsonString());
        var setUpProblems = Problems(_log.Entries, startedAt);
        Assert.True(setUpProblems.Count == 0, string.Join("\n", setUpProblems));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _authBot.DisposeAsync();
        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private JsonObject Pulse(string confidence, string motivation, string fairness) =>
        Press(_pulseCard, CoachingCards.PulseSubmitVerb,
            (CoachingCards.ConfidenceInput, confidence), (CoachingCards.MotivationInput, motivation), (CoachingCards.FairnessInput, fairness));

    /// <summary>One request: its name, the bytes of its body and how it is sent.</summary>
    private sealed record Case(string Name, byte[] Body, bool Authenticated = false, string? Authorization = null, string ContentType = "application/json");

    [Fact]
    public async Task HostileRequests_GetNo5xx_LogNoError_AndChangeNothing()
    {
        var cases = CardCases().Concat(EnvelopeCases()).Concat(BodyCases()).Concat(AuthenticationCases())
            .DistinctBy(c => (Convert.ToBase64String(c.Body), c.Authenticated, c.Authorization, c.ContentType))
            .ToList();
        var names = cases.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        output.WriteLine($"{cases.Count} distinct hostile requests");
        Console.WriteLine($"Hostile-activity suite: {cases.Count} distinct requests");
        Assert.True(cases.Count >= 300, $"only {cases.Count} distinct cases");

        var failures = new List<string>();
        foreach (var (bot, log, authenticated) in new[] { (_bot, _log, false), (_authBot, _authLog, true) })
        {
            var mine = cases.Where(c => c.Authenticated == authenticated).ToList();
            var before = await QuietSnapshotAsync(bot);
            var seen = log.Entries.Count;
            foreach (var batch in mine.Chunk(8))
            {
                var answers = await Task.WhenAll(batch.Select(c => SendAsync(bot, c)));
                foreach (var (c, status) in batch.Zip(answers))
                {
                    if (status >= 500)
                    {
                        failures.Add($"{c.Name}: HTTP {status}");
                    }
                }

                var entries = log.Entries;
                var problems = Problems(entries, seen);
                seen = entries.Count;
                foreach (var problem in problems)
                {
                    failures.Add($"[{string.Join(", ", batch.Select(c => c.Name))}] logged: {problem}");
                }

                var after = await DatabaseSnapshot.TakeAsync(bot);
                if (after != before)
                {
                    failures.Add($"[{string.Join(", ", batch.Select(c => c.Name))}] changed the database:\n{DatabaseSnapshot.Difference(before, after)}");
                    before = after;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)) + $"\n({failures.Count} failures of {cases.Count} cases)");
    }

    /// <summary>What the app logged at error level, or with an exception, after the first <paramref name="from"/> entries.</summary>
    private static List<string> Problems(IReadOnlyList<LogCapture.LogEntry> entries, int from) =>
        entries.Skip(from).Where(e => e.Level >= LogLevel.Error || e.Exception is not null).Select(e => e.ToString()).ToList();

    private async Task<int> SendAsync(BotApp bot, Case c)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(c.Body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        if (c.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", c.Authorization);
        }

        using var response = await bot.Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The database once the set-up's notifications have all gone out: two equal snapshots in a row.</summary>
    private static async Task<string> QuietSnapshotAsync(BotApp bot)
    {
        var last = await DatabaseSnapshot.TakeAsync(bot);
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(200);
            var now = await DatabaseSnapshot.TakeAsync(bot);
            // Quiet: nothing changed in a while and no notification still waiting to go out.
            if (now == last && !now.Contains("|Status=Pending|", StringComparison.Ordinal))
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    // ---- Card submissions: each input of each card, invisible, non-finite, with control characters, of the wrong type.

    private IEnumerable<Case> CardCases()
    {
        var logInputs = WorkLogDriver.ValidInputs("Visit the two new kiosks by the station");
        JsonObject LogSubmit(string key, string value)
        {
            var inputs = WorkLogDriver.Copy(logInputs);
            inputs[key] = value;
            return WorkLogDriver.SubmitData("2026-11-30", 1, inputs, _logId.ToString());
        }

        // A changed log with one required input that shows nothing: stored, it would be revision 2.
        foreach (var key in new[] { "f.customers.unregistered", "f.plan", "f.visits", "f.focus" })
        {
            foreach (var (value, i) in Invisible.Select((v, i) => (v, i)))
            {
                yield return Execute($"log.submit {key} invisible #{i}", TeamsUser.WangLei, WorkLogCards.SubmitVerb, LogSubmit(key, value));
            }
        }

        // Minimum lengths count what is visible: "abcd" padded with invisible characters is 4, short of the plan's 5.
        foreach (var (pad, i) in new[] { "\u200B", "\u3000", "\u00AD", "\u202E", "\uFE0F", "\u200D" }.Select((v, i) => (v, i)))
        {
            yield return Execute($"log.submit f.plan short padded #{i}", TeamsUser.WangLei, WorkLogCards.SubmitVerb, LogSubmit("f.plan", "ab" + pad + pad + "cd" + pad + pad + pad));
        }

        yield return Execute("log.submit f.plan four Chinese characters", TeamsUser.WangLei, WorkLogCards.SubmitVerb, LogSubmit("f.plan", "拜访\u200B新店"));
        yield return Execute("log.submit f.customers one visible", TeamsUser.WangLei, WorkLogCards.SubmitVerb, LogSubmit("f.customers.unregistered", "\u3000店\u200B\u200B"));
        foreach (var key in new[] { "f.customers.unregistered", "f.plan", "f.market", "f.problems" })
        {
            foreach (var (value, i) in Controls.Select((v, i) => (v, i)))
            {
                yield return Execute($"log.submit {key} control #{i}", TeamsUser.WangLei, WorkLogCards.SubmitVerb, LogSubmit(key, value));
            }
        }

        foreach (var key in new[] { "f.visits", "f.volume" })
        {
            foreach (var (value, i) in NonFinite.Select((v, i) => (v, i)))
            {
                yield return Execute($"log.submit {key} non-finite #{i}", TeamsUser.WangLei, WorkLogCards.SubmitVerb, LogSubmit(key, value));
            }
        }

        // Every field of the submission, wrong-typed, on a changed log whose plan and customers show nothing (so a
        // wrong-typed plan that reads as text, "false" say, still leaves the log refused).
        var refusedLog = LogSubmit("f.plan", "\u200B");
        refusedLog["f.customers.unregistered"] = "\u3000";
        foreach (var key in LogFields.Select(f => "f." + f).Append("logId").Append("baseRevision").Append("workDate").Append("verb"))
        {
            foreach (var (value, i) in WrongTypes.Select((v, i) => (v, i)))
            {
                var data = WorkLogDriver.Copy(refusedLog);
                data[key] = value;
                yield return Execute($"log.submit {key} wrong type #{i}", TeamsUser.WangLei, WorkLogCards.SubmitVerb, data);
            }
        }

        // Revisions the bot never issued, on a changed log that would otherwise be stored.
        foreach (var revision in new[] { "2", "7", "-1", "2147483647", "-2147483648" })
        {
            var data = LogSubmit("f.plan", "Visit the two new kiosks by the station");
            data["baseRevision"] = JsonValue.Create(int.Parse(revision, System.Globalization.CultureInfo.InvariantCulture));
            yield return Execute($"log.submit baseRevision {revision}", TeamsUser.WangLei, WorkLogCards.SubmitVerb, data);
        }

        // Forged: Chen Jie sends Wang Lei's log as his own; a new log for another day.
        yield return Execute("log.submit someone else's log", TeamsUser.ChenJie, WorkLogCards.SubmitVerb, LogSubmit("f.plan", "Visit the two new kiosks by the station"));
        yield return Execute("log.submit yesterday", TeamsUser.ChenJie, WorkLogCards.SubmitVerb, WorkLogDriver.SubmitData("2026-11-29", 0, logInputs));
        yield return Execute("log.submit tomorrow", TeamsUser.ChenJie, WorkLogCards.SubmitVerb, WorkLogDriver.SubmitData("2026-12-01", 0, logInputs));
        yield return Execute("log.submit unknown log", TeamsUser.WangLei, WorkLogCards.SubmitVerb, WorkLogDriver.SubmitData("2026-11-30", 1, logInputs, Guid.NewGuid().ToString()));

        // The lead returns the log with a comment that shows nothing, or a rating that is not 1–5.
        JsonObject Return(string evaluation, string requirement, string suggestion, string rating) => new()
        {
            ["verb"] = WorkLogCards.ReturnVerb, ["logId"] = _logId.ToString(), ["revision"] = 1,
            [WorkLogCards.EvaluationInput] = evaluation, [WorkLogCards.RequirementInput] = requirement,
            [WorkLogCards.SuggestionInput] = suggestion, [WorkLogCards.RatingInput] = rating,
        };
        foreach (var (value, i) in Invisible.Select((v, i) => (v, i)))
        {
            yield return Execute($"log.return comment invisible #{i}", TeamsUser.LiNa, WorkLogCards.ReturnVerb, Return(value, value, value, "3"));
        }

        // A return needs a rating; an approval's rating is optional, so one that shows nothing is no rating at all.
        foreach (var (value, i) in NonFinite.Concat(["0", "6", "3.5", "三", "\u200B", "\u3000"]).Select((v, i) => (v, i)))
        {
            yield return Execute($"log.return rating #{i}", TeamsUser.LiNa, WorkLogCards.ReturnVerb, Return("Too short.", "", "", value));
            if (!UserTextBlank(value))
            {
                yield return Execute($"log.approve rating #{i}", TeamsUser.LiNa, WorkLogCards.ApproveVerb, Approve(1, value));
            }
        }

        foreach (var (value, i) in Controls.Select((v, i) => (v, i)))
        {
            yield return Execute($"log.return control #{i}", TeamsUser.LiNa, WorkLogCards.ReturnVerb, Return(value, "", "", "3"));
        }

        foreach (var revision in new[] { Raw + "2", Raw + "0", Raw + "-1", Raw + "99", Raw + "2147483647", Raw + "1.5", Raw + "1e0", "2", "abc", Raw + "null", Raw + "{}" })
        {
            var data = Approve(1, "4");
            data["revision"] = revision;
            yield return Execute($"log.approve revision {revision}", TeamsUser.LiNa, WorkLogCards.ApproveVerb, data);
        }

        yield return Execute("log.approve by a manager", TeamsUser.ChenJie, WorkLogCards.ApproveVerb, Approve(1, "5"));
        yield return Execute("log.approve by the author", TeamsUser.WangLei, WorkLogCards.ApproveVerb, Approve(1, "5"));
        yield return Execute("log.approve by a stranger", TeamsUser.Stranger, WorkLogCards.ApproveVerb, Approve(1, "5"));
        yield return Execute("log.approve by another team's manager", ZhaoMin, WorkLogCards.ApproveVerb, Approve(1, "5"));

        // Transfer forms: a new form whose content shows nothing; steps with reasons that show nothing.
        foreach (var (value, i) in Invisible.Select((v, i) => (v, i)))
        {
            yield return Execute($"transfer.submit content invisible #{i}", TeamsUser.WangLei, TransferCards.SubmitVerb, TransferSubmit(content: value));
            yield return Execute($"transfer.handle opinion invisible #{i}", SunHao, TransferCards.HandleVerb,
                StepData(TransferCards.HandleVerb, _sentForm, 1, (TransferCards.OpinionInput, value)));
            yield return Execute($"transfer.reopen reason invisible #{i}", TeamsUser.WangLei, TransferCards.ReopenVerb,
                StepData(TransferCards.ReopenVerb, _handledForm, 2, (TransferCards.ReopenReasonInput, value)));
            yield return Execute($"transfer.forward reason invisible #{i}", SunHao, TransferCards.ForwardVerb,
                StepData(TransferCards.ForwardVerb, _sentForm, 1, (TransferCards.PostInput, _otherPost), (TransferCards.ForwardReasonInput, value)));
        }

        foreach (var (value, i) in Invisible.Take(6).Select((v, i) => (v, i)))
        {
            yield return Execute($"transfer.submit category invisible #{i}", TeamsUser.WangLei, TransferCards.SubmitVerb, TransferSubmit(category: value));
        }

        foreach (var (value, i) in new[] { "Huamei\nStore", "Huamei\tStore", "Hua\r\nmei", "\u0000Huamei" }.Select((v, i) => (v, i)))
        {
            yield return Execute($"transfer.submit customer control #{i}", TeamsUser.WangLei, TransferCards.SubmitVerb, TransferSubmit(customer: value));
        }

        foreach (var (value, i) in Controls.Select((v, i) => (v, i)))
        {
            yield return Execute($"transfer.submit content control #{i}", TeamsUser.WangLei, TransferCards.SubmitVerb, TransferSubmit(content: value));
        }

        foreach (var (value, i) in NonFinite.Concat(["0", "6", "2.5", "\u3000"]).Select((v, i) => (v, i)))
        {
            yield return Execute($"transfer.close rating #{i}", TeamsUser.WangLei, TransferCards.CloseVerb,
                StepData(TransferCards.CloseVerb, _handledForm, 2, (TransferCards.RatingInput, value)));
            yield return Execute($"transfer.rate-value #{i}", TeamsUser.LiNa, TransferCards.RateValueVerb,
                new JsonObject { ["verb"] = TransferCards.RateValueVerb, ["formId"] = _sentForm.ToString(), [TransferCards.ValueInput] = value });
        }

        foreach (var revision in new[] { 2, 3, 99, -1, int.MaxValue, int.MinValue })
        {
            yield return Execute($"transfer.acknowledge revision {revision}", SunHao, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, _sentForm, revision));
        }

        foreach (var key in new[] { "formId", "revision", "verb" })
        {
            foreach (var (value, i) in WrongTypes.Select((v, i) => (v, i)))
            {
                var data = StepData(TransferCards.AcknowledgeVerb, _sentForm, 1);
                data[key] = value;
                yield return Execute($"transfer.acknowledge {key} wrong type #{i}", TeamsUser.Stranger, TransferCards.AcknowledgeVerb, data);
            }
        }

        foreach (var key in new[] { TransferCards.CategoryInput, TransferCards.UrgencyInput, TransferCards.RequestInput, TransferCards.CustomerInput, "draftId" })
        {
            foreach (var (value, i) in WrongTypes.Select((v, i) => (v, i)))
            {
                var data = TransferSubmit(content: "\u200B");
                data[key] = value;
                yield return Execute($"transfer.submit {key} wrong type #{i}", TeamsUser.WangLei, TransferCards.SubmitVerb, data);
            }
        }

        yield return Execute("transfer.acknowledge by the provider", TeamsUser.WangLei, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, _sentForm, 1));
        yield return Execute("transfer.close by the receiver", SunHao, TransferCards.CloseVerb, StepData(TransferCards.CloseVerb, _handledForm, 2, (TransferCards.RatingInput, "5")));
        yield return Execute("transfer.acknowledge a taken revision", SunHao, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, _handledForm, 1));
        yield return Execute("transfer.rate-value by a manager", TeamsUser.ChenJie, TransferCards.RateValueVerb,
            new JsonObject { ["verb"] = TransferCards.RateValueVerb, ["formId"] = _sentForm.ToString(), [TransferCards.ValueInput] = "5" });

        // Coaching: another type than the one suggested (so a reason is required) with a reason that shows nothing, an
        // observation that shows nothing, numbers not issued. With nothing suggested no reason is needed at all.
        foreach (var (value, i) in Invisible.Select((v, i) => (v, i)))
        {
            var departing = Press(_coachCard, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "discontented"), (CoachingCards.ReasonInput, value));
            departing["suggested"] = "excellent";
            yield return Execute($"coach.decide reason invisible #{i}", TeamsUser.LiNa, CoachingCards.DecideVerb, departing);
            yield return Execute($"coach.observe note invisible #{i}", TeamsUser.LiNa, CoachingCards.ObserveVerb,
                Press(_coachCard, CoachingCards.ObserveVerb, (CoachingCards.ObservationKindInput, "praise"), (CoachingCards.ObservationNoteInput, value)));
        }

        foreach (var (value, i) in Controls.Select((v, i) => (v, i)))
        {
            yield return Execute($"coach.observe note control #{i}", TeamsUser.LiNa, CoachingCards.ObserveVerb,
                Press(_coachCard, CoachingCards.ObserveVerb, (CoachingCards.ObservationKindInput, "praise"), (CoachingCards.ObservationNoteInput, value)));
        }

        foreach (var sequence in new[] { Raw + "1", Raw + "5", Raw + "-1", Raw + "2147483647", Raw + "1.5", Raw + "null", "x" })
        {
            var data = Press(_coachCard, CoachingCards.TipVerb);
            data["sequence"] = sequence;
            yield return Execute($"coach.tip sequence {sequence}", TeamsUser.LiNa, CoachingCards.TipVerb, data);
        }

        foreach (var key in new[] { "managerId", "basedOn" })
        {
            foreach (var (value, i) in WrongTypes.Select((v, i) => (v, i)))
            {
                var data = Press(_coachCard, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "discontented"), (CoachingCards.ReasonInput, "\u2060"));
                data[key] = value;
                yield return Execute($"coach.decide {key} wrong type #{i}", TeamsUser.LiNa, CoachingCards.DecideVerb, data);
            }
        }

        yield return Execute("coach.decide by a colleague", TeamsUser.WangLei, CoachingCards.DecideVerb,
            Press(_coachCard, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "discontented"), (CoachingCards.ReasonInput, "He is unhappy")));
        yield return Execute("coach.decide stale card", TeamsUser.LiNa, CoachingCards.DecideVerb,
            new JsonObject { ["verb"] = CoachingCards.DecideVerb, ["managerId"] = "chen-jie", ["basedOn"] = "", [CoachingCards.TypeInput] = "discontented", [CoachingCards.ReasonInput] = "He is unhappy" });
        yield return Execute("coach.tip by the manager himself", TeamsUser.ChenJie, CoachingCards.TipVerb, Press(_coachCard, CoachingCards.TipVerb));
        yield return Execute("coach.action unknown", TeamsUser.LiNa, CoachingCards.ActionVerb,
            new JsonObject { ["verb"] = CoachingCards.ActionVerb, ["actionId"] = Guid.NewGuid().ToString(), ["outcome"] = "done" });

        // The pulse: a changed answer with one value that is not 1–5.
        foreach (var (value, i) in NonFinite.Concat(Invisible.Take(8)).Concat(["0", "6", "2.5", Raw + "[]"]).Select((v, i) => (v, i)))
        {
            yield return Execute($"pulse.submit motivation #{i}", TeamsUser.ChenJie, CoachingCards.PulseSubmitVerb, Pulse("2", value, "2"));
        }

        foreach (var month in new[] { "2026-10-01", "2026-12-01", "2026-11-31", "", Raw + "20261101" })
        {
            var data = Pulse("2", "2", "2");
            data["month"] = month;
            yield return Execute($"pulse.submit month {month}", TeamsUser.ChenJie, CoachingCards.PulseSubmitVerb, data);
        }

        // Typed commands with invisible or hostile arguments.
        foreach (var (text, i) in new[]
        {
            "team logs \u200B", "team logs 2026-13-45", "team logs \u202E03-11-6202", "meeting east-1 25:00", "meeting \u200B 08:30", "meeting east-1 08:30 0,99999",
            "coach \u200B\u200B", "forms today 9999-99-99", "routing \u0000", "reload", "meeting east-1 08:30", "\u200B\u3000", "\u202Ehelp", new string('日', 30_000),
        }.Select((v, i) => (v, i)))
        {
            yield return Json($"command #{i}", Activities.Message(_connector.ServiceUrl, TeamsUser.ChenJie, text));
        }
    }

    private static bool UserTextBlank(string value) => value.Trim('\u200B', '\u3000', ' ').Length == 0;

    private JsonObject Approve(int revision, string rating) => new()
    {
        ["verb"] = WorkLogCards.ApproveVerb, ["logId"] = _logId.ToString(), ["revision"] = revision, [WorkLogCards.RatingInput] = rating,
    };

    private static JsonObject TransferSubmit(string content = "Huamei Store says the last delivery was two cases short.", string category = "complaint", string customer = "Huamei Store") =>
        SubmitData(Guid.NewGuid(), Inputs(content: content, category: category, customer: customer));

    private Case Execute(string name, TeamsUser user, string verb, JsonObject data) =>
        Json(name, Activities.Execute(_connector.ServiceUrl, user, verb, data));

    // ---- The envelope: every field of real activities removed, nulled, wrong-typed, oversized, nested too deep.

    private IEnumerable<Case> EnvelopeCases()
    {
        var bases = new (string Name, JsonObject Activity)[]
        {
            ("message", Activities.Message(_connector.ServiceUrl, TeamsUser.ChenJie, "hello there")),
            ("submit", Activities.Submit(_connector.ServiceUrl, TeamsUser.WangLei,
                WorkLogDriver.SubmitData("2026-11-30", 1, WorkLogDriver.ValidInputs("\u200B"), _logId.ToString()), "card-activity-1")),
            ("execute", Activities.Execute(_connector.ServiceUrl, TeamsUser.ChenJie, WorkLogCards.ApproveVerb, Approve(1, "5"))),
            ("membersRemoved", Activities.ConversationUpdate(_connector.ServiceUrl, TeamsUser.ChenJie, removed: new JsonArray(new JsonObject { ["id"] = "29:1-nobody" }))),
        };
        var fields = new[]
        {
            "type", "id", "timestamp", "localTimestamp", "localTimezone", "serviceUrl", "channelId", "from", "from.id", "from.name", "from.aadObjectId",
            "conversation", "conversation.id", "conversation.tenantId", "conversation.conversationType", "conversation.isGroup", "recipient", "recipient.id",
            "text", "textFormat", "locale", "entities", "channelData", "channelData.tenant", "channelData.tenant.id", "replyToId", "value", "name",
            "attachments", "membersAdded", "membersRemoved", "action", "value.action", "value.action.data", "value.action.verb", "value.action.type",
        };
        var replacements = new (string Name, string? Value)[]
        {
            ("removed", null), ("null", Raw + "null"), ("number", Raw + "42"), ("huge number", Raw + "1e309"), ("true", Raw + "true"), ("object", Raw + "{}"),
            ("array", Raw + "[]"), ("array of null", Raw + "[null,null]"), ("array of junk", Raw + "[1,\"x\",[],{}]"), ("empty", ""),
            ("long", new string('a', 70_000)), ("deep", Raw + new string('[', 70) + new string(']', 70)), ("nested", Raw + Nest(40)),
        };
        foreach (var (baseName, activity) in bases)
        {
            foreach (var field in fields)
            {
                foreach (var (what, value) in replacements)
                {
                    if (Mutate(activity, field, value) is { } mutated)
                    {
                        yield return Json($"{baseName}.{field} {what}", mutated);
                    }
                }
            }
        }

        // Entities, attachments and members as the schema allows them: with nulls and half-filled entries.
        var message = bases[0].Activity;
        foreach (var (name, entities) in new (string, string)[]
        {
            ("entities [null]", "[null]"), ("entities [null, clientInfo]", "[null,{\"type\":\"clientInfo\",\"locale\":\"zh-CN\"}]"),
            ("mention of nobody", "[{\"type\":\"mention\"}]"), ("mention mentioned 42", "[{\"type\":\"mention\",\"mentioned\":42,\"text\":\"<at>x</at>\"}]"),
            ("mention id 42", "[{\"type\":\"mention\",\"mentioned\":{\"id\":42,\"name\":[]},\"text\":\"<at>x</at>\"}]"),
            ("mention text object", "[{\"type\":\"mention\",\"mentioned\":{\"id\":\"28:69c2e885-220b-4e2b-8fe2-f0226230507e\"},\"text\":{}}]"),
            ("mention of the bot with empty text", "[{\"type\":\"mention\",\"mentioned\":{\"id\":\"28:69c2e885-220b-4e2b-8fe2-f0226230507e\"},\"text\":\"\"}]"),
            ("clientInfo wrong types", "[{\"type\":\"clientInfo\",\"locale\":5,\"timezone\":{},\"country\":null}]"),
            ("entity type 7", "[{\"type\":7}]"), ("entity no type", "[{}]"),
        })
        {
            yield return Json($"message {name}", Mutate(message, "entities", Raw + entities)!);
        }

        var update = bases[3].Activity;
        foreach (var (name, members) in new (string, string)[]
        {
            ("membersAdded [null]", "[null]"), ("membersAdded [{}]", "[{}]"), ("membersAdded id 42", "[{\"id\":42}]"), ("membersAdded id null", "[{\"id\":null,\"name\":\"x\"}]"),
            ("membersAdded id empty", "[{\"id\":\"\"}]"), ("membersAdded overlong id", $"[{{\"id\":\"29:{new string('x', 300)}\"}}]"),
            ("membersAdded overlong aad", $"[{{\"id\":\"29:1-x\",\"aadObjectId\":\"{new string('a', 100)}\"}}]"),
        })
        {
            yield return Json($"conversationUpdate {name}", Mutate(update, "membersAdded", Raw + members)!);
        }

        yield return Json("installationUpdate unknown action", Mutate(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.ChenJie), "action", "reinstall")!);
        yield return Json("invoke unknown name", Mutate(bases[2].Activity, "name", "composeExtension/query")!);
        yield return Json("invoke without name", Mutate(bases[2].Activity, "name", null)!);
        yield return Json("unknown activity type", Mutate(message, "type", "typing")!);
        yield return Json("tenant mismatch", Mutate(bases[2].Activity, "channelData.tenant.id", "00000000-0000-0000-0000-000000000001")!);
        yield return Json("other tenant", Mutate(Mutate(bases[2].Activity, "channelData.tenant.id", "00000000-0000-0000-0000-000000000001")!, "conversation.tenantId", "00000000-0000-0000-0000-000000000001")!);
        yield return Json("serviceUrl ftp", Mutate(message, "serviceUrl", "ftp://example.com/")!);
        yield return Json("serviceUrl javascript", Mutate(message, "serviceUrl", "javascript:alert(1)")!);
        yield return Json("serviceUrl relative", Mutate(message, "serviceUrl", "/v3/conversations")!);
        yield return Json("value array", Mutate(bases[1].Activity, "value", Raw + "[{\"verb\":\"worklog.submit\"}]")!);
        yield return Json("value string", Mutate(bases[1].Activity, "value", "worklog.submit")!);
        yield return Json("value verb unknown", Mutate(bases[1].Activity, "value.verb", "worklog.delete-everything")!);
        yield return Json("value verb 42", Mutate(bases[1].Activity, "value.verb", Raw + "42")!);
    }

    private static string Nest(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>A copy of <paramref name="activity"/> with the field at a dotted path replaced (null value = removed); null when the path does not exist.</summary>
    private static JsonObject? Mutate(JsonObject activity, string path, string? value)
    {
        var copy = WorkLogDriver.Copy(activity);
        var parts = path.Split('.');
        JsonObject parent = copy;
        foreach (var part in parts[..^1])
        {
            if (parent[part] is not JsonObject next)
            {
                return null;
            }

            parent = next;
        }

        if (value is null)
        {
            return parent.Remove(parts[^1]) ? copy : null;
        }

        parent[parts[^1]] = value;
        return copy;
    }

    // ---- Bodies that are not activities, or are activities written oddly.

    private IEnumerable<Case> BodyCases()
    {
        var message = Activities.Message(_connector.ServiceUrl, TeamsUser.ChenJie, "hello there");
        var text = Serialise(message);
        var bytes = Encoding.UTF8.GetBytes(text);
        yield return new Case("body empty", []);
        foreach (var (name, body) in new (string, string)[]
        {
            ("body null", "null"), ("body array", "[]"), ("body number", "42"), ("body string", "\"message\""), ("body true", "true"), ("body {}", "{}"),
            ("body whitespace", "   \n "), ("body form", "type=message&text=hi"), ("body xml", "<activity type=\"message\"/>"),
            ("body comment", "/* hi */" + text), ("body trailing comma", text[..^1] + ",}"), ("body NaN literal", text[..^1] + ",\"x\":NaN}"),
            ("body single quotes", text.Replace('"', '\'')), ("body two documents", text + text), ("body deep array", new string('[', 100_000) + new string(']', 100_000)),
            ("body deep object", Nest(200)), ("body duplicate type", text[..^1] + ",\"type\":\"invoke\"}"),
            ("body duplicate text", text[..^1] + ",\"text\":\"help\"}"), ("body duplicate value", Serialise(Activities.Submit(_connector.ServiceUrl, TeamsUser.WangLei,
                WorkLogDriver.SubmitData("2026-11-30", 1, WorkLogDriver.ValidInputs("\u200B"), _logId.ToString()), "card-1"))[..^1] + ",\"value\":{\"verb\":\"worklog.submit\"}}"),
            ("body lone surrogate in text", text.Replace("hello there", "hello \\ud800 there", StringComparison.Ordinal)),
            ("body lone surrogate in value", Serialise(Activities.Submit(_connector.ServiceUrl, TeamsUser.WangLei,
                WorkLogDriver.SubmitData("2026-11-30", 1, WorkLogDriver.ValidInputs("Visit \\udc00 the two new kiosks"), _logId.ToString()), "card-1")).Replace("\\\\udc00", "\\udc00", StringComparison.Ordinal)),
            ("body lone surrogate in entity", text.Replace("\"Web\"", "\"\\udfff\"", StringComparison.Ordinal)),
            ("body lone surrogate key", text[..^1] + ",\"\\ud800\":1}"), ("body escaped nul", text.Replace("hello there", "hello\\u0000there", StringComparison.Ordinal)),
        })
        {
            yield return new Case(name, Encoding.UTF8.GetBytes(body));
        }

        for (var cut = 1; cut <= 12; cut++)
        {
            yield return new Case($"body truncated at {cut}/13", bytes[..(bytes.Length * cut / 13)]);
        }

        yield return new Case("body with BOM", [0xEF, 0xBB, 0xBF, .. bytes]);
        yield return new Case("body UTF-16", Encoding.Unicode.GetBytes(text));
        yield return new Case("body UTF-16 with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);
        yield return new Case("body latin-1 byte", Encoding.UTF8.GetBytes(text.Replace("hello there", "hello @ there", StringComparison.Ordinal)).Select(b => b == (byte)'@' ? (byte)0xE9 : b).ToArray());
        yield return new Case("body overlong UTF-8", Encoding.UTF8.GetBytes(text.Replace("hello there", "hello @@ there", StringComparison.Ordinal)).SelectMany(b => b == (byte)'@' ? new byte[] { 0xC0 } : new[] { b }).ToArray());
        yield return new Case("body NUL bytes", [.. bytes, 0, 0, 0]);
        yield return new Case("body over the size limit", Encoding.UTF8.GetBytes(Serialise(Activities.Message(_connector.ServiceUrl, TeamsUser.ChenJie, new string('x', 300_000)))));
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "", "application/xml", "*/*" })
        {
            yield return new Case($"content type '{contentType}'", Encoding.UTF8.GetBytes(Serialise(Activities.Message(_connector.ServiceUrl, TeamsUser.ChenJie, "hello there"))), ContentType: contentType);
        }
    }

    // ---- Authentication on: forged, stale and malformed tokens, and good tokens with bad bodies.

    private IEnumerable<Case> AuthenticationCases()
    {
        var serviceUrl = _connector.ServiceUrl;
        var activity = Activities.Execute(serviceUrl, TeamsUser.ChenJie, WorkLogCards.ApproveVerb, new JsonObject { ["verb"] = WorkLogCards.ApproveVerb, ["logId"] = Guid.NewGuid().ToString(), ["revision"] = 1 });
        var body = Encoding.UTF8.GetBytes(Serialise(activity));
        string Token(TokenSpec spec) => _issuer.CreateToken(spec);
        var valid = new TokenSpec { Audience = BotApp.AppId, ServiceUrl = serviceUrl };
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var tokens = new (string Name, string? Header)[]
        {
            ("no header", null), ("empty header", ""), ("Bearer only", "Bearer"), ("Bearer space", "Bearer "), ("Basic", "Basic dXNlcjpwYXNz"),
            ("garbage", "Bearer garbage"), ("three dots", "Bearer a.b.c"), ("four parts", "Bearer a.b.c.d"), ("non-base64", "Bearer ***.###.!!!"),
            ("huge", "Bearer " + new string('a', 16_000)), ("percent-encoded", "Bearer %E4%BB%A4.%E7%89%8C.%00"),
            ("expired", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = serviceUrl, NotBeforeOffset = TimeSpan.FromHours(-3), ExpiresOffset = TimeSpan.FromHours(-1) })),
            ("not yet valid", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = serviceUrl, NotBeforeOffset = TimeSpan.FromHours(1), ExpiresOffset = TimeSpan.FromHours(2) })),
            ("wrong audience", "Bearer " + Token(new TokenSpec { Audience = "someone-else", ServiceUrl = serviceUrl })),
            ("wrong issuer", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = serviceUrl, Issuer = "https://evil.example.com" })),
            ("wrong serviceurl", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = "https://evil.example.com/" })),
            ("no serviceurl", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = null })),
            ("unknown key", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = serviceUrl, Key = stranger, KeyId = "made-up" })),
            ("forged with known kid", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = serviceUrl, Key = stranger })),
            ("PS256", "Bearer " + Token(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = serviceUrl, Algorithm = SecurityAlgorithms.RsaSsaPssSha256 })),
            ("alg none", "Bearer " + _issuer.CreateUnsignedToken(BotApp.AppId, serviceUrl)),
            ("HS256 with public key", "Bearer " + _issuer.CreateHmacTokenWithPublicKey(BotApp.AppId, serviceUrl)),
            ("signature cut", "Bearer " + Token(valid)[..^10]),
            ("signature of another token", "Bearer " + string.Join('.', Token(valid).Split('.')[..2].Append(Token(new TokenSpec { Audience = "x", ServiceUrl = serviceUrl }).Split('.')[2]))),
            ("lower-case scheme", "bearer " + Token(new TokenSpec { Audience = "someone-else", ServiceUrl = serviceUrl })),
        };
        foreach (var (name, header) in tokens)
        {
            yield return new Case($"auth {name}", body, Authenticated: true, Authorization: header);
        }

        // A good token with a body that is not a good activity, or an activity the token was not issued for.
        var good = "Bearer " + Token(valid);
        foreach (var (name, bad) in new (string, byte[])[]
        {
            ("truncated", body[..(body.Length / 2)]), ("entities [null]", Encoding.UTF8.GetBytes(Serialise(Mutate(activity, "entities", Raw + "[null]")!))),
            ("other serviceUrl", Encoding.UTF8.GetBytes(Serialise(Mutate(activity, "serviceUrl", "https://evil.example.com/")!))),
            ("channel skype", Encoding.UTF8.GetBytes(Serialise(Mutate(activity, "channelId", "skype")!))),
            ("no channel", Encoding.UTF8.GetBytes(Serialise(Mutate(activity, "channelId", null)!))),
            ("lone surrogate", Encoding.UTF8.GetBytes(Serialise(activity).Replace("\"manual\"", "\"\\ud800\"", StringComparison.Ordinal))),
            ("stale approve", body),
        })
        {
            yield return new Case($"auth good token, {name}", bad, Authenticated: true, Authorization: good);
        }
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The activity as JSON text, with every "@raw:..." string value written as raw JSON (numbers JSON cannot hold, nesting, other types).</summary>
    private static string Serialise(JsonObject activity)
    {
        var raws = new List<string>();
        var copy = WorkLogDriver.Copy(activity);
        TakeRaw(copy, raws);
        var text = copy.ToJsonString(Relaxed);
        for (var i = 0; i < raws.Count; i++)
        {
            text = text.Replace($"\"@@raw{i}@@\"", raws[i], StringComparison.Ordinal);
        }

        return text;
    }

    private static void TakeRaw(JsonNode node, List<string> raws)
    {
        string? Placeholder(JsonNode? value)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith(Raw, StringComparison.Ordinal))
            {
                raws.Add(s[Raw.Length..]);
                return $"@@raw{raws.Count - 1}@@";
            }

            if (value is not null)
            {
                TakeRaw(value, raws);
            }

            return null;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (Placeholder(o[key]) is { } placeholder)
                    {
                        o[key] = placeholder;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (Placeholder(a[i]) is { } placeholder)
                    {
                        a[i] = placeholder;
                    }
                }

                break;
        }
    }

    private static Case Json(string name, JsonObject activity) => new(name, Encoding.UTF8.GetBytes(Serialise(activity)));
}
