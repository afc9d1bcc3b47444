using System.Net;
using System.Text.Json.Nodes;
using DiligenceBot.Customers;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Customers;

/// <summary>
/// The customers picker through /api/messages: Teams' type-ahead (<c>application/search</c> invokes, answered in the
/// HTTP response) over the asker's own customers, and the work log's customers field that stores the picked ids, shows
/// names, refuses someone else's customers and counts visits (SQLite, and PostgreSQL when test.sh points the suite at
/// it). The clock is Monday 2026-11-30, 08:10 in Shanghai: the log open for East 1 is Friday 27 November's.
/// </summary>
public sealed class CustomerPickerTests : IAsyncLifetime
{
    private const string Friday = "2026-11-27";
    private const string OtherTenant = "0a7e9a55-2f4b-4a53-9d4a-2d5c1b0e9f11";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        await _teams.InstallAsync(TeamsUser.WangLei);
        await _teams.InstallAsync(TeamsUser.LiNa, "zh-CN");
        await _teams.InstallAsync(TeamsUser.ChenJie);
        await using var db = _bot.CreateDbContext();
        db.Customers.AddRange(
            Customer(Activities.TenantId, "L-1001", "Huamei Store", "wang-lei", 4),
            Customer(Activities.TenantId, "L-1002", "Xinhua Kiosk", "wang-lei", 2),
            Customer(Activities.TenantId, "110105100123", "华美便利店", "wang-lei", 1),
            Customer(Activities.TenantId, "L-2001", "Huamei Outlet", "chen-jie", 2),
            Customer(Activities.TenantId, "L-3001", "Huamei Far East", "zhao-min", 2),
            // Wang Lei's id in another tenant: a customer there is never his here.
            Customer(OtherTenant, "L-1003", "Huamei Elsewhere", "wang-lei", 2));
        for (var i = 1; i <= 20; i++)
        {
            db.Customers.Add(Customer(Activities.TenantId, $"S-{i:00}", $"Shop {i:00}", "wang-lei", 1));
        }

        await db.SaveChangesAsync();
        foreach (var c in await db.Customers.ToListAsync())
        {
            _ids[c.LicenceNumber] = c.Id;
        }

        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Customer Customer(string tenant, string licence, string name, string managerId, int visits) => new()
    {
        TenantId = tenant, LicenceNumber = licence, Name = name, Address = "Nanjing Road 1", District = "Huangpu", Tier = "A",
        ManagerId = managerId, VisitsPerMonth = visits, CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow(),
    };

    private string Pick(params string[] licences) => string.Join(",", licences.Select(l => "customer:" + _ids[l]));

    /// <summary>An application/search invoke as Teams sends it while someone types in a picker; the HTTP status and body.</summary>
    private async Task<(HttpStatusCode Status, JsonObject? Body)> SearchAsync(
        TeamsUser user, string? query, string dataset = CustomerSearch.OwnDataset, int skip = 0, int top = 15, string locale = "en-US",
        string? tenant = null, JsonNode? value = null)
    {
        var activity = Activities.Execute(_connector.ServiceUrl, user, "unused", locale: locale);
        activity["name"] = "application/search";
        activity.Remove("replyToId");
        activity["value"] = value ?? new JsonObject
        {
            ["queryText"] = query,
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["top"] = top },
            ["dataset"] = dataset,
        };
        if (tenant is not null)
        {
            activity["conversation"]!["tenantId"] = tenant;
            activity["channelData"]!["tenant"]!["id"] = tenant;
        }

        using var response = await _bot.PostActivityAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>The search's results as "title = value", in order.</summary>
    private async Task<List<string>> ResultsAsync(TeamsUser user, string? query, string dataset = CustomerSearch.OwnDataset, int skip = 0, int top = 15, string locale = "en-US", string? tenant = null)
    {
        var (status, body) = await SearchAsync(user, query, dataset, skip, top, locale, tenant);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.search.searchResponse", body!["type"]!.GetValue<string>());
        return [.. body["value"]!["results"]!.AsArray().Select(r => r!["title"]!.GetValue<string>() + " = " + r["value"]!.GetValue<string>())];
    }

    [Fact]
    public async Task Search_AnswersTheManagersOwnCustomers_ByNameOrLicence_StartingWithTheTextFirst()
    {
        // "hua" starts Huamei Store's name and is inside Xinhua Kiosk's: both his, Huamei first; never Chen Jie's or Zhao Min's
        // Huamei shops, nor the Huamei of another tenant that names his id.
        Assert.Equal(
            [$"Huamei Store (L-1001) = customer:{_ids["L-1001"]}", $"Xinhua Kiosk (L-1002) = customer:{_ids["L-1002"]}"],
            await ResultsAsync(TeamsUser.WangLei, "hua"));
        // Licence numbers in either case; Chinese names by any part, titled the Chinese way for a Chinese client.
        Assert.Equal(["Huamei Store (L-1001)", "Xinhua Kiosk (L-1002)"], (await ResultsAsync(TeamsUser.WangLei, "l-100")).Select(r => r.Split(" = ")[0]));
        Assert.Equal([$"华美便利店（110105100123） = customer:{_ids["110105100123"]}"], await ResultsAsync(TeamsUser.WangLei, "便利", locale: "zh-CN"));
        Assert.Equal(["华美便利店（110105100123）"], (await ResultsAsync(TeamsUser.WangLei, "10510", locale: "zh-CN")).Select(r => r.Split(" = ")[0]));
        Assert.Equal([$"Huamei Outlet (L-2001) = customer:{_ids["L-2001"]}"], await ResultsAsync(TeamsUser.ChenJie, "huamei"));
    }

    [Fact]
    public async Task Search_Pages_WithSkipAndTop_NeverMoreThanFifteen()
    {
        // Nothing typed yet: his customers by name, a page of 15 at a time (23 in all).
        var first = await ResultsAsync(TeamsUser.WangLei, "");
        Assert.Equal(15, first.Count);
        Assert.StartsWith("Huamei Store", first[0], StringComparison.Ordinal);
        Assert.StartsWith("Shop 01", first[1], StringComparison.Ordinal);
        var second = await ResultsAsync(TeamsUser.WangLei, "", skip: 15);
        Assert.Equal(8, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.StartsWith("华美便利店", second[^1], StringComparison.Ordinal);

        var shops = await ResultsAsync(TeamsUser.WangLei, "shop", skip: 5, top: 3);
        Assert.Equal(["Shop 06", "Shop 07", "Shop 08"], shops.Select(r => r.Split(" (")[0]));
        Assert.Equal(15, (await ResultsAsync(TeamsUser.WangLei, "shop", top: 500)).Count);
        Assert.Empty(await ResultsAsync(TeamsUser.WangLei, "shop", skip: 20));
    }

    [Fact]
    public async Task Search_NeverAnswersAnotherManagersOrAnotherTenantsCustomers_ALeadGetsTheTeamsOnlyFromTheTeamDataset()
    {
        Assert.Empty(await ResultsAsync(TeamsUser.ChenJie, "Xinhua"));
        Assert.Empty(await ResultsAsync(TeamsUser.WangLei, "Elsewhere"));
        // Someone not in the directory, and Wang Lei's account arriving from another tenant, see nothing.
        Assert.Empty(await ResultsAsync(TeamsUser.Stranger, ""));
        Assert.Empty(await ResultsAsync(TeamsUser.WangLei, "", tenant: OtherTenant));

        // Li Na serves no customers herself; the team dataset gives her East 1's (Wang Lei's and Chen Jie's), not East 2's.
        Assert.Empty(await ResultsAsync(TeamsUser.LiNa, "huamei"));
        Assert.Equal(["Huamei Outlet", "Huamei Store"], (await ResultsAsync(TeamsUser.LiNa, "huamei", CustomerSearch.TeamDataset)).Select(r => r.Split(" (")[0]));
    }

    [Fact]
    public async Task Search_ATooLongOrInvisibleQuery_AnswersAsExpected_AndABadRequestIsA400WithAnErrorBody()
    {
        Assert.Empty(await ResultsAsync(TeamsUser.WangLei, new string('a', 201)));
        Assert.Equal(15, (await ResultsAsync(TeamsUser.WangLei, "\u200B\u3000")).Count);
        Assert.Equal(15, (await ResultsAsync(TeamsUser.WangLei, null)).Count);

        foreach (var bad in new (JsonNode? Value, string Dataset)[]
        {
            (null, "shops"),
            (new JsonObject { ["queryText"] = "hua" }, ""),
            (new JsonObject { ["queryText"] = "hua", ["dataset"] = 12 }, ""),
            (new JsonObject { ["queryText"] = "hua", ["dataset"] = "customers", ["queryOptions"] = new JsonObject { ["skip"] = "many" } }, ""),
            (JsonValue.Create("hua"), ""),
        })
        {
            var (status, body) = await SearchAsync(TeamsUser.WangLei, "hua", bad.Dataset, value: bad.Value);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(400, body!["statusCode"]!.GetValue<int>());
            Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
            Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(body["value"]!["message"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Log_CustomersPickedAreStoredAsIds_ShownByName_UnregisteredMarked_AndCountedAsVisits()
    {
        // The form's customers field: a multi-select with type-ahead over his customers, and free text below it.
        var form = CardOf(await _teams.Chats.SayAsync(TeamsUser.WangLei, "log"));
        var picker = ById(form, "f.customers")!;
        Assert.Equal("Input.ChoiceSet", picker["type"]!.GetValue<string>());
        Assert.True(picker["isMultiSelect"]!.GetValue<bool>());
        Assert.Equal("Filtered", picker["style"]!.GetValue<string>());
        Assert.Equal("Data.Query", picker["choices.data"]!["type"]!.GetValue<string>());
        Assert.Equal(CustomerSearch.OwnDataset, picker["choices.data"]!["dataset"]!.GetValue<string>());
        Assert.Equal("Input.Text", ById(form, "f.customers.unregistered")!["type"]!.GetValue<string>());

        var inputs = ValidInputs();
        inputs["f.customers"] = Pick("L-1001", "110105100123");
        inputs["f.customers.unregistered"] = "A new kiosk by the station";
        var (summary, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData(Friday, 0, inputs));
        Assert.True(summary is not null, answer.ToJsonString());
        Assert.Equal("Huamei Store\n华美便利店\nA new kiosk by the station (not registered)", Answer(summary!, "answer.customers"));

        string logId;
        await using (var db = _bot.CreateDbContext())
        {
            var log = await db.WorkLogs.Include(l => l.Revisions).SingleAsync();
            logId = log.Id.ToString();
            var values = Assert.Single(log.Revisions).Values;
            Assert.Equal(Pick("L-1001", "110105100123"), values["customers"]);
            Assert.Equal("A new kiosk by the station", values["customers.unregistered"]);
        }

        // The lead's review card (Chinese) names them too.
        var review = CardOf(await _teams.Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested));
        Assert.Equal("Huamei Store\n华美便利店\nA new kiosk by the station（未登记）", Answer(review, "answer.customers"));

        // Editing shows the picks again, titled, with the free text.
        var (edit, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.EditVerb, new JsonObject { ["verb"] = WorkLogCards.EditVerb, ["logId"] = logId });
        var again = ById(edit!, "f.customers")!;
        Assert.Equal(Pick("L-1001", "110105100123"), again["value"]!.GetValue<string>());
        Assert.Equal(["Huamei Store (L-1001)", "华美便利店 (110105100123)"], again["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal("A new kiosk by the station", ById(edit!, "f.customers.unregistered")!["value"]!.GetValue<string>());

        // Visits this month follow the ids: Huamei Store and 华美便利店 once each, Xinhua Kiosk not at all.
        var list = CardOf(await _teams.Chats.SayAsync(TeamsUser.WangLei, "customers hua"));
        var shown = Json(list);
        Assert.Contains("1 of 4 visits", shown, StringComparison.Ordinal);
        Assert.Contains("0 of 2 visits", shown, StringComparison.Ordinal);
        var cjk = Json(CardOf(await _teams.Chats.SayAsync(TeamsUser.WangLei, "customers 华美")));
        Assert.Contains("1 of 1 visits", cjk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_WithAnotherManagersCustomer_IsRefused_StoresNothing_AndKeepsHisOwnPicksAndText()
    {
        var inputs = ValidInputs();
        inputs["f.customers"] = Pick("L-1002", "L-2001");
        inputs["f.customers.unregistered"] = "A new kiosk";
        var (card, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData(Friday, 0, inputs));
        Assert.Equal("Huamei Outlet: not one of your customers, so it cannot be in Customers visited; pick again.", Text(card!, "error.customers"));
        Assert.Equal(Pick("L-1002"), ById(card!, "f.customers")!["value"]!.GetValue<string>());
        Assert.Equal(["Xinhua Kiosk (L-1002)"], ById(card!, "f.customers")!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal("A new kiosk", ById(card!, "f.customers.unregistered")!["value"]!.GetValue<string>());

        // Another tenant's customer (his id there) and an id the register does not know are refused the same way, in Chinese too.
        inputs["f.customers"] = Pick("L-1003") + ",customer:999999";
        var (zh, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData(Friday, 0, inputs), locale: "zh-CN");
        Assert.Equal($"customer:{_ids["L-1003"]}、customer:999999：不是您的客户，不能填入“拜访的客户”，请重新选择。", Text(zh!, "error.customers"));

        // A value the picker cannot have sent (a name typed by an old client) asks to pick, and the text is kept below.
        inputs["f.customers"] = "Huamei Store";
        inputs["f.customers.unregistered"] = "";
        var (typed, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData(Friday, 0, inputs));
        Assert.StartsWith("For Customers visited, pick customers from the list", Text(typed!, "error.customers"), StringComparison.Ordinal);
        Assert.Equal("Huamei Store", ById(typed!, "f.customers.unregistered")!["value"]!.GetValue<string>());

        // Nothing picked and nothing written: required.
        inputs["f.customers"] = "";
        var (empty, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData(Friday, 0, inputs));
        Assert.Equal("Customers visited is required.", Text(empty!, "error.customers"));

        await using var db = _bot.CreateDbContext();
        Assert.Empty(db.WorkLogs);
        Assert.Empty(db.Notifications);
    }

    [Fact]
    public async Task ALogWrittenBeforeThePicker_StillReads_AndItsFreeTextStillCountsVisits()
    {
        var at = _time.GetUtcNow();
        var id = Guid.NewGuid();
        await using (var db = _bot.CreateDbContext())
        {
            db.WorkLogs.Add(new WorkLog
            {
                Id = id, TenantId = Activities.TenantId, TeamId = "east-1", ManagerId = "wang-lei", WorkDate = new DateOnly(2026, 11, 26), CurrentRevision = 1,
                FirstSubmittedAt = at, LastSubmittedAt = at, ConcurrencyStamp = Guid.NewGuid(),
                Revisions = [new WorkLogRevision { Number = 1, Values = new() { ["visits"] = "2", ["customers"] = "Xinhua Kiosk\nsome shop", ["focus"] = "routine", ["plan"] = "Visit the kiosks" }, SubmittedAt = at }],
            });
            await db.SaveChangesAsync();
        }

        var (view, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.ViewVerb, new JsonObject { ["verb"] = WorkLogCards.ViewVerb, ["logId"] = id.ToString() });
        Assert.Equal("Xinhua Kiosk\nsome shop", Answer(view!, "answer.customers"));
        Assert.Contains("1 of 2 visits", Json(CardOf(await _teams.Chats.SayAsync(TeamsUser.WangLei, "customers xinhua"))), StringComparison.Ordinal);

        // Revising it: the old text comes back as text for shops not registered, the picker empty.
        var (edit, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.EditVerb, new JsonObject { ["verb"] = WorkLogCards.EditVerb, ["logId"] = id.ToString() });
        Assert.Null(ById(edit!, "f.customers")!["value"]);
        Assert.Equal("Xinhua Kiosk\nsome shop", ById(edit!, "f.customers.unregistered")!["value"]!.GetValue<string>());
    }
}
