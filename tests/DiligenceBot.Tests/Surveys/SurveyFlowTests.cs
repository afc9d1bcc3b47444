using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Customers;
using DiligenceBot.Files;
using DiligenceBot.Localization;
using DiligenceBot.Surveys;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Surveys;

/// <summary>
/// The customers' survey end to end: a lead asks for links in the 1:1 chat (/api/messages), accepts the two files (the
/// links' XLSX and the QR page), and a customer opens a link and answers over HTTP on the app's own port; on SQLite,
/// and on PostgreSQL when test.sh points the suite at it. The clock is Thursday 3 December 2026 in Shanghai. East 1:
/// Li Na leads Wang Lei and Chen Jie; East 2: Wang Lei leads Zhao Min. Chen Jie serves L-2001 and L-2002, Wang Lei L-3001.
/// </summary>
public sealed partial class SurveyFlowTests : IAsyncLifetime
{
    private const string ConsentType = "application/vnd.microsoft.teams.card.file.consent";
    internal const string PublicBaseUrl = "https://survey.diligence.example";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Survey:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()),
        ["Survey:PublicBaseUrl"] = PublicBaseUrl,
        ["Survey:PerLinkPerMinute"] = "6",
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;
    private LocalOneDrive _drive = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _drive = await LocalOneDrive.StartAsync();
        _bot = new BotApp(time: _time, settings: Settings).Start();
        _t = new WorkLogDriver(_bot, _connector);
        await SeedCustomersAsync(_bot, _time);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _drive.DisposeAsync();
        await _connector.DisposeAsync();
    }

    internal static async Task SeedCustomersAsync(BotApp bot, TimeProvider time)
    {
        await using var db = bot.CreateDbContext();
        foreach (var (licence, name, manager) in new[] { ("L-2001", "东方便利", "chen-jie"), ("L-2002", "西城烟酒", "chen-jie"), ("L-3001", "北站商店", "wang-lei") })
        {
            db.Customers.Add(new Customer
            {
                TenantId = Activities.TenantId, LicenceNumber = licence, Name = name, Address = "南京路1号", District = "黄浦", Tier = "A",
                ManagerId = manager, VisitsPerMonth = 2, CreatedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Types a command in the 1:1 chat; every reply of the bot to it.</summary>
    private async Task<IReadOnlyList<ConnectorRequest>> SayAsync(TeamsUser user, string text, string locale = "en-US")
    {
        _connector.Clear();
        var typed = Activities.Message(_connector.ServiceUrl, user, text, locale);
        using (var response = await _bot.PostActivityAsync(typed))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        return _t.Chats.RepliesTo(typed["id"]!.GetValue<string>());
    }

    private static JsonNode ConsentOf(ConnectorRequest reply) =>
        Assert.Single(reply.Body!["attachments"]!.AsArray(), a => a!["contentType"]!.GetValue<string>() == ConsentType)!;

    /// <summary>The user accepts a consent card; what the bot uploaded to their OneDrive.</summary>
    private async Task<byte[]> AcceptAsync(TeamsUser user, JsonNode consent, string locale = "en-US")
    {
        var name = consent["name"]!.GetValue<string>();
        var accept = Activities.Execute(_connector.ServiceUrl, user, "unused", locale: locale);
        accept["name"] = "fileConsent/invoke";
        accept["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = consent["content"]!["acceptContext"]!.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = _drive.ContentUrlFor(name), ["fileType"] = Path.GetExtension(name).TrimStart('.'), ["name"] = name, ["uploadUrl"] = _drive.UploadUrlFor(name),
                ["uniqueId"] = "5C1D2C7A-3F3B-4E8E-9D55-2B1F0C1E6A11",
            },
        };
        using (var response = await _bot.PostActivityAsync(accept))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        return (_drive.Uploaded(name) ?? throw new Xunit.Sdk.XunitException("Nothing was uploaded for " + name)).Content;
    }

    private static List<List<string>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToList())];
    }

    /// <summary>Li Na issues links for Chen Jie's customers (November unless said); the links by customer name, read from the XLSX she accepted.</summary>
    private async Task<Dictionary<string, string>> IssueAsync(string text = "survey Chen Jie 2026-11")
    {
        var replies = await SayAsync(TeamsUser.LiNa, text);
        Assert.Equal(3, replies.Count);
        var rows = Rows(await AcceptAsync(TeamsUser.LiNa, ConsentOf(replies[0])));
        return rows.Skip(1).ToDictionary(r => r[0], r => r[2]);
    }

    /// <summary>The path a link opens on the app (the public address is the deployment's; the test talks to the app directly).</summary>
    private static string PathOf(string link)
    {
        Assert.StartsWith(PublicBaseUrl + "/survey/", link, StringComparison.Ordinal);
        return link[PublicBaseUrl.Length..];
    }

    private async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(string path, string acceptLanguage = "zh-CN,zh;q=0.9,en;q=0.8")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await _bot.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    internal static Dictionary<string, string> Answers(string visits = "5", string attitude = "4", string policy = "4", string problems = "4", string? fairness = "5", string comment = "", string lang = "zh-CN")
    {
        var form = new Dictionary<string, string> { ["lang"] = lang, ["visits"] = visits, ["attitude"] = attitude, ["policy"] = policy, ["problems"] = problems, ["comment"] = comment };
        if (fairness is not null)
        {
            form["fairness"] = fairness;
        }

        return form;
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string path, Dictionary<string, string> form)
    {
        using var response = await _bot.Http.PostAsync(path, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task Lead_IssuesLinks_CustomerAnswersOnce_TheDraftScorecardReadsIt_AndASecondAnswerIsGone()
    {
        var replies = await SayAsync(TeamsUser.LiNa, "survey Chen Jie 2026-11");

        Assert.Equal(3, replies.Count);
        Assert.Equal("Survey links_Chen Jie 陈杰_2026-11.xlsx", ConsentOf(replies[0])["name"]!.GetValue<string>());
        Assert.Equal("Survey links_Chen Jie 陈杰_2026-11.html", ConsentOf(replies[1])["name"]!.GetValue<string>());
        Assert.StartsWith("2 survey links for Chen Jie 陈杰's customers, November 2026, valid until ", Chats.TextOf(replies[2]), StringComparison.Ordinal);
        var rows = Rows(await AcceptAsync(TeamsUser.LiNa, ConsentOf(replies[0])));
        Assert.Equal(["Customer", "Licence number", "Survey link", "Valid until"], rows[0]);
        Assert.Equal([("东方便利", "L-2001", "2027-01-02"), ("西城烟酒", "L-2002", "2027-01-02")], rows.Skip(1).Select(r => (r[0], r[1], r[3])));
        var links = rows.Skip(1).ToDictionary(r => r[0], r => r[2]);
        var page = System.Text.Encoding.UTF8.GetString(await AcceptAsync(TeamsUser.LiNa, ConsentOf(replies[1])));
        Assert.Equal(2, page.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.Contains("东方便利", page, StringComparison.Ordinal);
        Assert.Contains(links["西城烟酒"], page, StringComparison.Ordinal);

        // The database keeps a hash, never the link.
        await using (var db = _bot.CreateDbContext())
        {
            var stored = await db.Set<SurveyLink>().OrderBy(l => l.CustomerId).ToListAsync();
            Assert.Equal(2, stored.Count);
            Assert.All(stored, l => Assert.Equal(32, l.IdHash.Length));
            var token = PathOf(links["东方便利"])["/survey/".Length..];
            Assert.DoesNotContain(stored, l => Convert.ToBase64String(l.IdHash).Contains(token[..16], StringComparison.Ordinal));
        }

        var path = PathOf(links["东方便利"]);
        var (status, html, _) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Surveys.Intro.Format(Language.ZhCn, "Chen Jie 陈杰", CardDates.Month(new DateOnly(2026, 11, 1), Language.ZhCn)), Decoded(html), StringComparison.Ordinal);
        Assert.DoesNotContain("东方便利", html, StringComparison.Ordinal);
        Assert.DoesNotContain("L-2001", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<fieldset", StringSplitOptions.None).Length - 1);
        var (_, english, response) = await GetAsync(path, "en-GB,en;q=0.9");
        Assert.Contains("<h1 id=\"title\">How is your account manager doing?</h1>", english, StringComparison.Ordinal);
        Assert.Contains("Please rate the service of your account manager Chen Jie 陈杰 in November", Decoded(english), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var (_, switched, _) = await GetAsync(path + "?lang=zh-CN", "en-US");
        Assert.Contains("客户经理服务评价", switched, StringComparison.Ordinal);

        var (posted, thanks) = await PostAsync(path, Answers(comment: "每周二都来，很守时。"));
        Assert.Equal(HttpStatusCode.OK, posted);
        Assert.Contains("感谢您的评价", thanks, StringComparison.Ordinal);

        await using (var db = _bot.CreateDbContext())
        {
            var evaluation = Assert.Single(await db.Set<CustomerEvaluation>().ToListAsync());
            Assert.Equal((Activities.TenantId, "chen-jie", new DateOnly(2026, 11, 1), EvaluationSource.Survey, "li-na"), (evaluation.TenantId, evaluation.ManagerId, evaluation.Month, evaluation.Source, evaluation.ImportedById));
            Assert.Equal((5, 4, 4, 4, 5, "每周二都来，很守时。"), (evaluation.VisitRegularity, evaluation.ServiceAttitude, evaluation.PolicyExplanation, evaluation.ProblemSolving, evaluation.FairnessIntegrity, evaluation.Comment));
            Assert.NotNull((await db.Set<SurveyLink>().SingleAsync(l => l.CustomerId == evaluation.CustomerId)).AnsweredAt);
        }

        // The draft scorecard reads it as it reads an imported evaluation: (5+4+5)/3 = 4.7, full marks of 10; (4+4)/2 = 4.0 → 6.4 of 8.
        var card = CardOf(await _t.Chats.SayAsync(TeamsUser.LiNa, "scorecard 2026-11 Chen Jie"));
        Assert.Equal(CardDates.KeepCounts("Retail customers' evaluation: 4.7 → 10/10"), Text(card, "indicator.customer-rating"));
        Assert.Equal(CardDates.KeepCounts("Retail customers' evaluation of the service: 4.0 → 6.4/8"), Text(card, "indicator.service-rating"));

        var (again, gone) = await PostAsync(path, Answers(visits: "1"));
        Assert.Equal(HttpStatusCode.Gone, again);
        Assert.Contains("此问卷已提交，每个链接只能提交一次。", gone, StringComparison.Ordinal);
        var (opened, _, _) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, opened);
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(5, (await db.Set<CustomerEvaluation>().SingleAsync()).VisitRegularity);
        }
    }

    [Fact]
    public async Task ForgedTamperedAndExpiredLinks_Are404And410_NeverStored()
    {
        var links = await IssueAsync();
        var path = PathOf(links["西城烟酒"]);
        var token = path["/survey/".Length..];
        var tampered = "/survey/" + token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];

        foreach (var forged in new[] { "/survey/" + new string('A', 43), tampered, "/survey/short", "/survey/" + token + "x", "/survey/%3Cscript%3E" })
        {
            var (status, html, _) = await GetAsync(forged);
            Assert.True(status == HttpStatusCode.NotFound, $"{forged}: {status}");
            Assert.Contains("此链接无法打开问卷", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(forged, Answers())).Status);
        }

        // Issuing again closes the earlier link of the same customer and month.
        var newer = await IssueAsync("survey Chen Jie 2026-11 sample 2");
        var (replaced, replacedHtml, _) = await GetAsync(path, "en-US");
        Assert.Equal(HttpStatusCode.Gone, replaced);
        Assert.Contains("This survey link is no longer valid.", replacedHtml, StringComparison.Ordinal);

        // Thirty days later the links expire.
        var fresh = PathOf(newer["西城烟酒"]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fresh)).Status);
        _time.Advance(TimeSpan.FromDays(30));
        var (expired, expiredHtml, _) = await GetAsync(fresh);
        Assert.Equal(HttpStatusCode.Gone, expired);
        Assert.Contains("此问卷链接已失效", expiredHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await PostAsync(fresh, Answers())).Status);

        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<CustomerEvaluation>().ToListAsync());
    }

    [Fact]
    public async Task BadAnswers_ComeBackWithWhatWasChosen_AndEachProblem_NothingStored_TheLinkStillWorks()
    {
        var path = PathOf((await IssueAsync())["东方便利"]);

        var (status, html) = await PostAsync(path, Answers(problems: "9", fairness: null, comment: "很好<script>alert(1)</script>", lang: "en-US"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var text = Decoded(html);
        Assert.Contains("Please check your answers", text, StringComparison.Ordinal);
        Assert.Contains("Problem solving: choose a score from 1 to 5.", text, StringComparison.Ordinal);
        Assert.Contains("Fairness and integrity: choose a score from 1 to 5.", text, StringComparison.Ordinal);
        Assert.Contains("id=\"comment-error\"", html, StringComparison.Ordinal);
        // What was chosen and typed is kept (the comment shown as text, never as markup).
        Assert.Contains("id=\"visits-5\" name=\"visits\" value=\"5\" checked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"attitude-4\" name=\"attitude\" value=\"4\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("很好<script>alert(1)</script></textarea>", text, StringComparison.Ordinal);
        Assert.Contains("<fieldset id=\"fairness\" class=\"invalid\"", html, StringComparison.Ordinal);

        await using (var db = _bot.CreateDbContext())
        {
            Assert.Empty(await db.Set<CustomerEvaluation>().ToListAsync());
            Assert.Null((await db.Set<SurveyLink>().FirstAsync()).AnsweredAt);
        }

        var (fixedStatus, _) = await PostAsync(path, Answers(comment: "很好"));
        Assert.Equal(HttpStatusCode.OK, fixedStatus);
    }

    [Fact]
    public async Task OneLink_AskedTooOften_Gets429_SayingWhenToRetry()
    {
        var path = PathOf((await IssueAsync())["东方便利"]);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(path)).Status);
        }

        var (status, html, response) = await GetAsync(path, "en-US");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        var seconds = int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        Assert.Contains($"Please try again in {seconds} seconds; your survey link stays valid.", html, StringComparison.Ordinal);
        // Another link from the same address still opens (the address allows more).
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(PathOf((await IssueAsync("survey Chen Jie 2026-12"))["西城烟酒"]))).Status);
    }

    [Theory]
    [InlineData("chen-jie", "survey Chen Jie", "en-US", "Survey links are issued by a team's lead, the managers above the lead and admins.")]
    [InlineData("chen-jie", "客户评价 陈杰", "zh-CN", "问卷链接由组长、组长的上级和管理员生成。")]
    [InlineData("wang-lei", "survey Chen Jie", "en-US", "Chen Jie 陈杰 is not in a team you lead or oversee; only Chen Jie 陈杰's lead chain and admins survey Chen Jie 陈杰's customers.")]
    [InlineData("li-na", "survey", "en-US", "Name the account manager, then the month and the sample if you want them, e.g. survey Chen Jie 2026-11 sample 20.")]
    [InlineData("li-na", "客户评价 陈杰 抽样 零", "zh-CN", "请写明客户经理，需要时再写月份和抽样数，例如“客户评价 陈杰 2026-11 抽样 20”。")]
    [InlineData("li-na", "survey Chen Jie 2026-13", "en-US", "Name the account manager, then the month and the sample if you want them, e.g. survey Chen Jie 2026-11 sample 20.")]
    [InlineData("li-na", "survey Chen Jie 2027-01", "en-US", "January 2027 has not begun yet; choose a month or quarter that has.")]
    public async Task WhoMayIssue_AndBadRequests_GetAClearAnswer_AndNoLinks(string who, string text, string locale, string answer)
    {
        var user = who switch { "chen-jie" => TeamsUser.ChenJie, "wang-lei" => TeamsUser.WangLei, _ => TeamsUser.LiNa };

        var replies = await SayAsync(user, text, locale);

        Assert.Equal(CardDates.KeepCounts(answer), CardDates.KeepCounts(Chats.TextOf(Assert.Single(replies))));
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<SurveyLink>().ToListAsync());
        Assert.Empty(await db.Set<FileOffer>().ToListAsync());
    }

    [Fact]
    public async Task ASample_IssuesThatMany_AndCustomersWhoAnswered_GetNoNewLink_AndAnImportCannotOverwriteThem()
    {
        var one = await IssueAsync("survey Chen Jie 2026-11 sample 1");
        Assert.Single(one);
        var (name, link) = one.Single();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PathOf(link), Answers())).Status);

        var rest = await IssueAsync("survey Chen Jie 2026-11");
        Assert.Equal([name == "东方便利" ? "西城烟酒" : "东方便利"], rest.Keys);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PathOf(rest.Single().Value), Answers(visits: "3"))).Status);
        var none = await SayAsync(TeamsUser.LiNa, "survey Chen Jie 2026-11");
        Assert.Equal("Every customer of Chen Jie 陈杰 has already answered the survey for November 2026.", CardDates.KeepCounts(Chats.TextOf(Assert.Single(none))).Replace('\u00a0', ' '));
        await using var db = _bot.CreateDbContext();
        Assert.Equal(2, await db.Set<CustomerEvaluation>().CountAsync(e => e.Source == EvaluationSource.Survey));
    }

    [Fact]
    public async Task WithoutASigningKey_NoLinksAreIssued_AndThePageOpensNothing()
    {
        await using var bot = new BotApp(time: _time).Start();
        var t = new WorkLogDriver(bot, _connector);
        _connector.Clear();

        var reply = await t.Chats.SayAsync(TeamsUser.LiNa, "survey Chen Jie");

        Assert.Equal("Survey links are not set up yet: an administrator sets Survey:SigningKey and Survey:PublicBaseUrl (see the README).", Chats.TextOf(reply));
        using var response = await bot.Http.GetAsync("/survey/" + new string('A', 43));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
