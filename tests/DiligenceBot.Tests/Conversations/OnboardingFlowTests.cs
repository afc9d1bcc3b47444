using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Conversations;

/// <summary>
/// The whole bot over real HTTP on SQLite, driven activity by activity like Teams does, in local development
/// mode: install → welcome card and a stored conversation reference; help; the profile card; removal.
/// </summary>
public sealed class OnboardingFlowTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp().Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static JsonObject CardOf(ConnectorRequest sent) =>
        sent.Body!["attachments"]![0]!["content"]!.AsObject();

    private static string Title(JsonObject card) =>
        card["body"]!.AsArray().First(e => e!["id"]?.GetValue<string>() == "title")!["text"]!.GetValue<string>();

    private static IEnumerable<string> AllText(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : AllText(p.Value!)),
        JsonArray a => a.SelectMany(x => x is null ? [] : AllText(x)),
        _ => [],
    };

    [Fact]
    public async Task Install_SendsTheWelcomeCard_AndStoresTheConversationReference()
    {
        using var response = await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(_connector.SentActivities);
        var card = CardOf(sent);
        Assert.Equal("application/vnd.microsoft.card.adaptive", sent.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Welcome to DiligenceBot", Title(card));
        Assert.Contains(AllText(card), t => t.Contains("Wang Lei 王磊", StringComparison.Ordinal));
        Assert.Equal("/v3/conversations/a:1-personal-wang-lei/activities/" + sent.Body["replyToId"]!.GetValue<string>(), sent.Path);

        await using var db = _bot.CreateDbContext();
        var record = await db.ConversationRecords.SingleAsync();
        Assert.Equal(Activities.TenantId, record.TenantId);
        Assert.Equal(_connector.ServiceUrl, record.ServiceUrl);
        Assert.Equal("a:1-personal-wang-lei", record.ConversationId);
        Assert.Equal(TeamsUser.WangLei.Id, record.UserId);
        Assert.Equal(TeamsUser.WangLei.AadObjectId, record.AadObjectId);
        Assert.Equal("en-US", record.Locale);
        Assert.Equal("Asia/Shanghai", record.TimeZone);
        Assert.Equal("personal", record.ConversationType);
        Assert.Null(record.RetiredAt);
    }

    [Fact]
    public async Task Install_InChinese_WelcomesInChinese()
    {
        await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.ChenJie, locale: "zh-CN"));

        var card = CardOf(Assert.Single(_connector.SentActivities));
        Assert.Equal("欢迎使用勤勉助手", Title(card));
        Assert.Contains(AllText(card), t => t.StartsWith("Chen Jie 陈杰，您好", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_BySomeoneNotInTheDirectory_SaysSo()
    {
        await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.Stranger));

        var card = CardOf(Assert.Single(_connector.SentActivities));
        Assert.Contains(AllText(card), t => t.Contains("has not added you to the directory", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("help", "en-US", "What I can do")]
    [InlineData("HELP ", "en-US", "What I can do")]
    [InlineData("帮助", "zh-CN", "我能做什么")]
    [InlineData("help", "zh-TW", "我能做什么")]
    [InlineData("帮助", "fr-FR", "What I can do")]
    public async Task Help_AnswersTheHelpCard_InTheUsersLanguage(string text, string locale, string title)
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, text, locale));

        var card = CardOf(Assert.Single(_connector.SentActivities));
        Assert.Equal(title, Title(card));
        var action = card["actions"]![0]!;
        Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
        Assert.Equal("profile.show", action["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task Help_InAChannel_WithTheBotMentioned_IsUnderstood()
    {
        var activity = Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "<at>DiligenceBot</at> help", conversationId: "19:channel@thread.tacv2");
        activity["conversation"]!["conversationType"] = "channel";
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>DiligenceBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "DiligenceBot" },
        });

        await _bot.PostActivityAsync(activity);

        Assert.Equal("What I can do", Title(CardOf(Assert.Single(_connector.SentActivities))));
    }

    [Fact]
    public async Task ProfileButtonOnTheHelpCard_ReplacesTheCard_WithWhoTheUserIs()
    {
        using var response = await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, TeamsUser.WangLei, "profile.show"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal(200, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", root.GetProperty("type").GetString());
        var card = JsonNode.Parse(root.GetProperty("value").GetRawText())!.AsObject();
        Assert.Equal("Who you are here", Title(card));
        var facts = card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "profile")!["facts"]!.AsArray()
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>(), StringComparer.Ordinal);
        Assert.Equal("Wang Lei 王磊", facts["Name"]);
        Assert.Equal("East District 1", facts["Account manager in"]);
        Assert.Equal("Li Na 李娜", facts["Your lead"]);
        Assert.Equal("08:30 (China time)", facts["Daily meeting"]);
        Assert.Equal("East District 2 — meets at 09:00 (China time)", facts["Lead of"]);
        Assert.Empty(_connector.SentActivities);
    }

    [Fact]
    public async Task Profile_InAnotherTenant_DoesNotRevealTheDirectory()
    {
        var activity = Activities.Execute(_connector.ServiceUrl, TeamsUser.WangLei, "profile.show");
        activity["channelData"]!["tenant"]!["id"] = "00000000-1111-2222-3333-444444444444";
        activity["conversation"]!["tenantId"] = "00000000-1111-2222-3333-444444444444";

        using var response = await _bot.PostActivityAsync(activity);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("not in DiligenceBot", text, StringComparison.Ordinal);
        Assert.DoesNotContain("East District", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitButton_UpdatesTheCardInPlace()
    {
        await _bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, TeamsUser.LiNa, new JsonObject { ["verb"] = "profile.show" }, replyToId: "card-42", locale: "zh-CN"));

        var sent = Assert.Single(_connector.SentActivities);
        Assert.Equal("PUT", sent.Method);
        Assert.EndsWith("/activities/card-42", sent.Path, StringComparison.Ordinal);
        Assert.Equal("您的信息", Title(CardOf(sent)));
    }

    [Fact]
    public async Task UnknownCommand_GetsAHint_InTheUsersLanguage()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "做点什么", "zh-CN"));

        var sent = Assert.Single(_connector.SentActivities);
        Assert.Equal("抱歉，我没有理解“做点什么”。输入“帮助”查看我能做什么。", sent.Body!["text"]!.GetValue<string>());
    }

    private static List<string> Buttons(JsonObject card, string id) =>
        card["body"]!.AsArray().FirstOrDefault(e => e!["id"]?.GetValue<string>() == id)?["actions"]!.AsArray()
            .Select(a => a!["verb"]!.GetValue<string>()).ToList() ?? [];

    [Theory]
    [InlineData("hi", "en-US", "Hello Chen Jie 陈杰! What would you like to do?")]
    [InlineData("Hello!", "en-US", "Hello Chen Jie 陈杰! What would you like to do?")]
    [InlineData("good morning", "en-US", "Hello Chen Jie 陈杰! What would you like to do?")]
    [InlineData("你好", "zh-CN", "Chen Jie 陈杰，您好！需要我做什么？")]
    [InlineData("您好！", "zh-CN", "Chen Jie 陈杰，您好！需要我做什么？")]
    [InlineData("早上好", "zh-CN", "Chen Jie 陈杰，您好！需要我做什么？")]
    public async Task Greeting_GetsAFriendlyAnswer_WithTheMainActions(string text, string locale, string greeting)
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.ChenJie, text, locale));

        var card = CardOf(Assert.Single(_connector.SentActivities));
        Assert.Equal(greeting, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(["worklog.open", "transfer.open", "worklog.mine"], Buttons(card, "actions.manager"));
        Assert.Empty(Buttons(card, "actions.lead"));
    }

    [Fact]
    public async Task Greeting_FromALead_AlsoOffersTheLeadsActions()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.LiNa, "你好", "zh-CN"));

        var card = CardOf(Assert.Single(_connector.SentActivities));
        Assert.Equal(["worklog.team", "transfer.today", "coach.open"], Buttons(card, "actions.lead"));
    }

    [Fact]
    public async Task Welcome_LeadsWithTheMainActions_AndTheLeadsOnesForALead()
    {
        await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.LiNa));
        await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.ChenJie));

        var lead = CardOf(_connector.SentActivities[0]);
        var manager = CardOf(_connector.SentActivities[1]);
        Assert.Equal(["worklog.open", "transfer.open", "worklog.mine"], Buttons(lead, "actions.manager"));
        Assert.Equal(["worklog.team", "transfer.today", "coach.open"], Buttons(lead, "actions.lead"));
        Assert.Equal(["worklog.open", "transfer.open", "worklog.mine"], Buttons(manager, "actions.manager"));
        Assert.Empty(Buttons(manager, "actions.lead"));
    }

    [Fact]
    public async Task CoachButton_OnTheHelpCard_OpensTheLeadsListOfManagers()
    {
        using var response = await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, TeamsUser.LiNa, "coach.open"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Whom do you want to coach?", text, StringComparison.Ordinal);
        Assert.Contains("chen-jie", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pulse_TypedByALead_SaysThePulseIsForTheirManagers_NotThatTheyAreInNoTeam()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.LiNa, "pulse"));

        var text = Assert.Single(_connector.SentActivities).Body!["text"]!.GetValue<string>();
        Assert.Contains("you lead East District 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not in one", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleCardVerb_IsRefusedWithAClearMessage()
    {
        using var response = await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, TeamsUser.WangLei, "no.such.verb"));

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.activity.message", doc.RootElement.GetProperty("type").GetString());
        Assert.Contains("out of date", doc.RootElement.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeWithoutAnExecuteAction_Gets400InTheInvokeBody()
    {
        var activity = Activities.Execute(_connector.ServiceUrl, TeamsUser.WangLei, "profile.show");
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit" } };

        using var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, doc.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", doc.RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("messageReaction", null)]
    [InlineData("typing", null)]
    [InlineData("invoke", "composeExtension/query")]
    [InlineData("somethingNew", null)]
    public async Task UnknownActivityTypesAndInvokes_Get200_AndAreIgnored(string type, string? name)
    {
        var activity = Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "help");
        activity["type"] = type;
        if (name is not null)
        {
            activity["name"] = name;
        }

        using var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.SentActivities);
    }

    [Fact]
    public async Task Install_WhereTeamsForbidsTheWelcome_RetiresTheReference()
    {
        _connector.Script(new ScriptedAnswer(403));

        using var response = await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_connector.Requests);
        await using var db = _bot.CreateDbContext();
        var record = await db.ConversationRecords.SingleAsync();
        Assert.NotNull(record.RetiredAt);
        Assert.Equal("connector 403", record.RetiredReason);
    }

    [Fact]
    public async Task Uninstall_RetiresTheReference()
    {
        await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei));
        await _bot.PostActivityAsync(Activities.InstallationRemove(_connector.ServiceUrl, TeamsUser.WangLei));

        await using var db = _bot.CreateDbContext();
        var record = await db.ConversationRecords.SingleAsync();
        Assert.NotNull(record.RetiredAt);
        Assert.Equal("uninstalled", record.RetiredReason);
    }

    [Fact]
    public async Task InstallAndConversationUpdateTogether_StoreOneReference_AndWelcomeOnce()
    {
        var botJoined = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        await Task.WhenAll(
            _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei)),
            _bot.PostActivityAsync(Activities.ConversationUpdate(_connector.ServiceUrl, TeamsUser.WangLei, added: botJoined)));

        await using var db = _bot.CreateDbContext();
        Assert.Equal(1, await db.ConversationRecords.CountAsync());
        Assert.Single(_connector.SentActivities);
    }

    [Fact]
    public async Task MembersAddedAndRemovedInATeam_AreStoredAndRetired()
    {
        var added = new JsonArray(
            new JsonObject { ["id"] = TeamsUser.ChenJie.Id, ["aadObjectId"] = TeamsUser.ChenJie.AadObjectId },
            new JsonObject { ["id"] = TeamsUser.LiNa.Id, ["aadObjectId"] = TeamsUser.LiNa.AadObjectId });
        var update = Activities.ConversationUpdate(_connector.ServiceUrl, TeamsUser.LiNa, added: added);
        update["conversation"]!["id"] = "19:team-general@thread.tacv2";
        update["conversation"]!["conversationType"] = "channel";
        update["channelData"]!["team"] = new JsonObject { ["id"] = "19:team-general@thread.tacv2", ["name"] = "East District" };
        await _bot.PostActivityAsync(update);

        var removal = Activities.ConversationUpdate(_connector.ServiceUrl, TeamsUser.LiNa,
            removed: new JsonArray(new JsonObject { ["id"] = TeamsUser.ChenJie.Id }));
        removal["conversation"]!["id"] = "19:team-general@thread.tacv2";
        await _bot.PostActivityAsync(removal);

        await using var db = _bot.CreateDbContext();
        var records = await db.ConversationRecords.OrderBy(r => r.UserId).ToListAsync();
        Assert.Equal(2, records.Count);
        Assert.NotNull(records.Single(r => r.UserId == TeamsUser.ChenJie.Id).RetiredAt);
        var liNa = records.Single(r => r.UserId == TeamsUser.LiNa.Id);
        Assert.Null(liNa.RetiredAt);
        Assert.Equal("19:team-general@thread.tacv2", liNa.TeamsTeamId);
        Assert.Equal(TeamsUser.LiNa.AadObjectId, liNa.AadObjectId);
    }
}
