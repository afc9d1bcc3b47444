using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.Customers;
using DiligenceBot.Records;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Records;

/// <summary>Records as a manager makes them in the 1:1 chat: files sent the way Teams sends them (served by a local OneDrive), then the form filed.</summary>
public sealed class RecordChat(BotApp bot, WorkLogDriver teams, LocalConnector connector, LocalOneDrive drive)
{
    /// <summary>Sends a file in the personal chat the way Teams does; the bot's one reply.</summary>
    public Task<ConnectorRequest> SendFileAsync(TeamsUser user, string name, string fileType, byte[] content, string text = "")
    {
        var activity = Activities.FileMessage(connector.ServiceUrl, user, name, fileType, drive.Share(content), user == TeamsUser.WangLei ? "en-US" : "zh-CN", text);
        return teams.Chats.ReplyToAsync(activity);
    }

    /// <summary>
    /// The form's submit data as a manager fills it in: <paramref name="customers"/> as the picker sends them
    /// (<c>customer:12,customer:34</c>), <paramref name="unregistered"/> the text for shops not registered.
    /// </summary>
    public static JsonObject Filing(string managerId, string kind, string period, string title, string customers, string files, string unregistered = "") => new()
    {
        ["verb"] = RecordCards.SubmitVerb, ["managerId"] = managerId,
        [RecordCards.KindInput] = kind, [RecordCards.PeriodInput] = period, [RecordCards.TitleInput] = title, [RecordCards.CustomersInput] = customers,
        [CustomerPicks.UnregisteredKey(RecordCards.CustomersInput)] = unregistered, [RecordCards.FilesInput] = files,
    };

    /// <summary>Sends one PDF and files it with a record of this kind and period; the card that came back.</summary>
    public async Task<JsonObject> FileAsync(TeamsUser user, string managerId, string kind, string period, string title, string locale = "en-US")
    {
        await SendFileAsync(user, title + ".pdf", "pdf", [.. System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 " + title)]);
        string fileId;
        await using (var db = bot.CreateDbContext())
        {
            fileId = (await db.Set<RecordFile>().Where(f => f.OwnerId == managerId && f.RecordId == null).OrderBy(f => f.Id).LastAsync()).Id.ToString(CultureInfo.InvariantCulture);
        }

        var (card, answer) = await teams.ExecuteAsync(user, RecordCards.SubmitVerb, Filing(managerId, kind, period, title, string.Empty, fileId), locale: locale);
        return card ?? throw new Xunit.Sdk.XunitException("Filing answered without a card: " + answer.ToJsonString());
    }
}
