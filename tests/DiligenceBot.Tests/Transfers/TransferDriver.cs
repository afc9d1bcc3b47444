using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.Transfers;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Transfers;

/// <summary>Drives information transfer forms the way Teams does (on top of the work log driver) and reads what comes back.</summary>
public sealed class TransferDriver(BotApp bot, LocalConnector connector)
{
    /// <summary>Sun Hao: manager in East 2, and the customer service post's receiver.</summary>
    public static readonly TeamsUser SunHao = new("29:1-sun-hao", "Sun Hao 孙浩", "388ae1f9-9e1d-4954-b6f3-42bdd50bb83e");
    /// <summary>Liu Yang: regional director, in the office post and lead of the customer service post.</summary>
    public static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    /// <summary>Zhao Min: manager in East 2 (lead: Wang Lei).</summary>
    public static readonly TeamsUser ZhaoMin = new("29:1-zhao-min", "Zhao Min 赵敏", "3669dd5f-485c-4050-835e-14b6c3ec7088");

    public WorkLogDriver Teams { get; } = new(bot, connector);

    public static JsonObject Inputs(string category = "complaint", string content = "Huamei Store says the last delivery was two cases short.", string urgency = "normal",
        string request = "Please deliver the missing cases this week.", string customer = "Huamei Store") => new()
    {
        [TransferCards.CategoryInput] = category,
        [TransferCards.UrgencyInput] = urgency,
        [TransferCards.ContentInput] = content,
        [TransferCards.RequestInput] = request,
        [TransferCards.CustomerInput] = customer,
    };

    public static JsonObject SubmitData(Guid draftId, JsonObject inputs)
    {
        var data = new JsonObject { ["verb"] = TransferCards.SubmitVerb, ["draftId"] = draftId.ToString() };
        foreach (var (k, v) in inputs)
        {
            data[k] = v?.DeepClone();
        }

        return data;
    }

    /// <summary>Sends a valid form as <paramref name="user"/> and returns the stored form.</summary>
    public async Task<TransferForm> SubmitAsync(TeamsUser user, JsonObject? inputs = null, string locale = "en-US")
    {
        var draft = Guid.NewGuid();
        var (card, answer) = await Teams.ExecuteAsync(user, TransferCards.SubmitVerb, SubmitData(draft, inputs ?? Inputs()), locale: locale);
        Assert.True(card is not null, answer.ToJsonString());
        await using var db = bot.CreateDbContext();
        return await db.Set<TransferForm>().Include(f => f.Steps).SingleAsync(f => f.DraftId == draft);
    }

    /// <summary>What the form's card says, label → value: its facts and the texts stacked under their labels.</summary>
    public static Dictionary<string, string> FormFacts(JsonObject card)
    {
        var facts = WorkLogDriver.Facts(card, "form");
        foreach (var pair in WorkLogDriver.ById(card, "form.texts")?["items"]!.AsArray() ?? [])
        {
            var items = pair!["items"]!.AsArray();
            facts.Add(items[0]!["text"]!.GetValue<string>(), items[1]!["text"]!.GetValue<string>());
        }

        return facts;
    }

    /// <summary>The data of an action button on a card, plus what the user typed into its show-card.</summary>
    public static JsonObject Press(JsonObject card, string verb, params (string Key, string Value)[] typed)
    {
        var action = WorkLogDriver.Action(card, verb) ?? throw new InvalidOperationException($"no {verb} on {card.ToJsonString()}");
        var data = WorkLogDriver.Copy(action["data"]!.AsObject());
        foreach (var (key, value) in typed)
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>Action data naming a form and revision directly (what a stale or forged card would carry).</summary>
    public static JsonObject StepData(string verb, Guid formId, int revision, params (string Key, string Value)[] typed)
    {
        var data = new JsonObject { ["verb"] = verb, ["formId"] = formId.ToString(), ["revision"] = revision };
        foreach (var (key, value) in typed)
        {
            data[key] = value;
        }

        return data;
    }

    public async Task<TransferForm> FormAsync(Guid id)
    {
        await using var db = bot.CreateDbContext();
        return await db.Set<TransferForm>().AsNoTracking().Include(f => f.Steps).SingleAsync(f => f.Id == id);
    }
}
