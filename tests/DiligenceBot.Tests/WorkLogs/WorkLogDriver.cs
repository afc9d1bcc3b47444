using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DiligenceBot.Tests.WorkLogs;

/// <summary>Drives the work log flow the way Teams does and reads the cards that come back.</summary>
public sealed class WorkLogDriver(BotApp bot, LocalConnector connector)
{
    /// <summary>What each person receives in their personal chat (replies and outbox messages).</summary>
    public Chats Chats { get; } = new(bot, connector);

    /// <summary>A valid log for the demo template.</summary>
    public static JsonObject ValidInputs(string plan = "Visit the three new shops on Nanjing Road") => new()
    {
        ["f.visits"] = "12",
        // The customers picker with nothing picked, and the shops written as not registered yet.
        ["f.customers"] = "",
        ["f.customers.unregistered"] = "Huamei Store\nXinhua Kiosk",
        ["f.volume"] = "85",
        ["f.focus"] = "promotion",
        ["f.market"] = "A competitor is offering 5% off to kiosks near the station.",
        ["f.problems"] = "",
        ["f.plan"] = plan,
        ["f.nextKeyVisit"] = "",
    };

    public async Task InstallAsync(TeamsUser user, string locale = "en-US")
    {
        using var response = await bot.PostActivityAsync(Activities.InstallationAdd(connector.ServiceUrl, user, locale));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Sends an Action.Execute and returns the card of the answer (or null) and the whole answer.</summary>
    public async Task<(JsonObject? Card, JsonObject Answer)> ExecuteAsync(TeamsUser user, string verb, JsonObject data, string? activityId = null, string locale = "en-US")
    {
        var activity = Activities.Execute(connector.ServiceUrl, user, verb, data, locale);
        if (activityId is not null)
        {
            activity["id"] = activityId;
        }

        using var response = await bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var card = answer["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive" ? answer["value"]!.AsObject() : null;
        return (card, answer);
    }

    public static JsonObject SubmitData(string workDate, int baseRevision, JsonObject inputs, string? logId = null)
    {
        var data = new JsonObject { ["verb"] = "worklog.submit", ["workDate"] = workDate, ["baseRevision"] = baseRevision };
        if (logId is not null)
        {
            data["logId"] = logId;
        }

        foreach (var (k, v) in inputs)
        {
            data[k] = v?.DeepClone();
        }

        return data;
    }

    public static JsonObject CardOf(ConnectorRequest request) => request.Body!["attachments"]![0]!["content"]!.AsObject();

    /// <summary>A Chinese date of 2026 as cards write it (CardDates: word joiners between its characters, so it never breaks).</summary>
    public static string ZhDate(int month, int day, bool shortForm = false) => shortForm
        ? DiligenceBot.Localization.CardDates.Short(new DateOnly(2026, month, day), DiligenceBot.Localization.Language.ZhCn)
        : DiligenceBot.Localization.CardDates.Long(new DateOnly(2026, month, day), DiligenceBot.Localization.Language.ZhCn);

    /// <summary>"2026年11月" as cards write it.</summary>
    public static string ZhMonth(int month) =>
        DiligenceBot.Localization.CardDates.Month(new DateOnly(2026, month, 1), DiligenceBot.Localization.Language.ZhCn);

    public static string Title(JsonObject card) => ById(card, "title")!["text"]!.GetValue<string>();

    /// <summary>The element with this id anywhere in the card (body, containers, columns, show-cards).</summary>
    public static JsonObject? ById(JsonNode node, string id) => node switch
    {
        JsonObject o when o["id"] is JsonValue v && v.TryGetValue<string>(out var s) && s == id => o,
        JsonObject o => o.Select(p => p.Value is null ? null : ById(p.Value, id)).FirstOrDefault(x => x is not null),
        JsonArray a => a.Select(x => x is null ? null : ById(x, id)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    public static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } t && t.StartsWith("Action.", StringComparison.Ordinal) =>
            [o, .. o.Where(p => p.Value is not null).SelectMany(p => Actions(p.Value!))],
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => Actions(p.Value!)),
        JsonArray a => a.Where(x => x is not null).SelectMany(x => Actions(x!)),
        _ => [],
    };

    public static JsonObject? Action(JsonNode card, string verb) => Actions(card).FirstOrDefault(a => a["verb"]?.GetValue<string>() == verb);

    public static Dictionary<string, string> Facts(JsonObject card, string id = "content") =>
        ById(card, id)!["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>(), StringComparer.Ordinal);

    public static string Text(JsonObject card, string id) => ById(card, id)!["text"]!.GetValue<string>();

    /// <summary>Every text shown inside the element with this id, in order (a label and value, a list row), one per line.</summary>
    public static string Shown(JsonObject card, string id) => string.Join("\n", Texts(ById(card, id) ?? throw new InvalidOperationException($"no element {id}")));

    /// <summary>An answer of a log or comment as shown: the value's lines below the label.</summary>
    public static string Answer(JsonObject card, string id) => string.Join("\n", Texts(ById(card, id)!).Skip(1));

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.Where(p => p.Value is not null && p.Key is "items" or "columns" or "body").SelectMany(p => Texts(p.Value!)),
        JsonArray a => a.Where(x => x is not null).SelectMany(x => Texts(x!)),
        _ => [],
    };

    /// <summary>The day covered by the log a manager of the team can write now (the one due next), as the card carries it.</summary>
    public async Task<string> OpenLogDayAsync(string teamId = "east-1")
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<DiligenceBot.WorkLogs.WorkLogBook>();
        var team = await book.TeamAsync(teamId, CancellationToken.None);
        return DiligenceBot.WorkLogs.WorkLogCards.Date(book.OpenLogs(team).Next);
    }

    public static string MessageOf(JsonObject answer) =>
        answer["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message" ? answer["value"]!.GetValue<string>() : throw new InvalidOperationException(answer.ToJsonString());

    public static JsonObject Copy(JsonObject o) => (JsonObject)o.DeepClone();

    public static string Json(JsonNode n) => n.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
