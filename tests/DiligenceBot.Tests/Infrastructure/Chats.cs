using System.Net;
using System.Text.Json.Nodes;
using DiligenceBot.Notifications;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace DiligenceBot.Tests.Infrastructure;

/// <summary>
/// The bot's outbox seen from a test: proactive messages are sent by the dispatcher after the user already has their
/// answer, on other threads, so they arrive in any order relative to direct replies and to each other. A test waits
/// for the outbox row it means to be settled, or for the outbox to be drained, never for "the Nth message" or a sleep.
/// </summary>
public sealed class Outbox(BotApp bot)
{
    /// <summary>How long a wait may take before the test fails (only a failing test waits this long).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// Waits until nothing due is left to send: every notification whose time has come (on the app's clock) is sent,
    /// undeliverable or failed, so everything it sent has reached the connector. A retry scheduled for later is not due.
    /// </summary>
    public async Task DrainedAsync()
    {
        var time = bot.Services.GetRequiredService<TimeProvider>();
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = bot.CreateDbContext();
            var now = time.GetUtcNow();
            var due = await db.Notifications.AsNoTracking().Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now).ToListAsync();
            if (due.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new XunitException($"The outbox was not drained within {Patience.TotalSeconds:0} s; still pending: {Describe(due)}");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>
    /// The notifications of <paramref name="kind"/> to <paramref name="user"/> (those <paramref name="which"/> picks), once
    /// at least one exists and every one of them is sent, in the order they were queued. Fails at once when one could
    /// not be delivered.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> SentAsync(TeamsUser user, string kind, Func<Notification, bool>? which = null)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = bot.CreateDbContext();
            var person = await db.People.AsNoTracking()
                .Where(p => p.TenantId == Activities.TenantId && p.AadObjectId == user.AadObjectId)
                .Select(p => p.Id)
                .SingleAsync();
            var rows = (await db.Notifications.AsNoTracking().Where(n => n.Kind == kind && n.RecipientId == person).OrderBy(n => n.Id).ToListAsync())
                .Where(which ?? (_ => true))
                .ToList();
            if (rows.FirstOrDefault(n => n.Status is NotificationStatus.Undeliverable or NotificationStatus.Failed) is { } lost)
            {
                throw new XunitException($"The {kind} notification to {user.Name} was not delivered: {Describe([lost])}");
            }

            if (rows.Count > 0 && rows.All(n => n.Status == NotificationStatus.Sent))
            {
                return rows;
            }

            if (DateTime.UtcNow > until)
            {
                var all = await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
                throw new XunitException($"No sent {kind} notification to {user.Name} ({person}) within {Patience.TotalSeconds:0} s; the outbox holds: {Describe(all)}");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>The stored notification <paramref name="id"/> once <paramref name="condition"/> holds; fails after the patience.</summary>
    public async Task<Notification> WhenAsync(long id, Func<Notification, bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = bot.CreateDbContext();
            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
            if (condition(notification))
            {
                return notification;
            }

            if (DateTime.UtcNow > until)
            {
                throw new XunitException($"Notification #{id} did not reach the awaited state within {Patience.TotalSeconds:0} s: {Describe([notification])}");
            }

            await Task.Delay(Poll);
        }
    }

    private static string Describe(IEnumerable<Notification> rows) =>
        string.Join("; ", rows.Select(n => $"#{n.Id} {n.Kind} to {n.RecipientId} rev {n.Revision} {n.Status} (attempts {n.Attempts}, next {n.NextAttemptAt:O}, {n.LastError})"));
}

/// <summary>
/// What the bot sends into people's personal chats, selected the way a test means it: the bot's reply to a message
/// the user sent (by its reply-to id), the message the outbox sent for one notification (by the activity id the
/// connector gave it), or everything once the outbox is drained. Never "the last message sent to X": see
/// <see cref="Outbox"/>.
/// </summary>
public sealed class Chats(BotApp bot, LocalConnector connector)
{
    public Outbox Outbox { get; } = new(bot);

    /// <summary>The activities the bot sent into a user's personal chat so far, in the order they arrived.</summary>
    public IReadOnlyList<ConnectorRequest> SentTo(TeamsUser user) =>
        connector.SentActivities.Where(r => r.Path.Contains("/" + Activities.PersonalConversationId(user) + "/", StringComparison.Ordinal)).ToList();

    /// <summary>Everything sent to a user once the outbox is drained (for "exactly these messages, nothing else").</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> SettledSentToAsync(TeamsUser user)
    {
        await Outbox.DrainedAsync();
        return SentTo(user);
    }

    /// <summary>The bot's replies to the activity with this id (posted before the bot answers the activity's request).</summary>
    public IReadOnlyList<ConnectorRequest> RepliesTo(string activityId) =>
        connector.SentActivities.Where(r => r.Method == "POST" && r.Body?["replyToId"]?.GetValue<string>() == activityId).ToList();

    /// <summary>Posts an activity the way Teams does and returns the bot's one reply to it.</summary>
    public async Task<ConnectorRequest> ReplyToAsync(JsonObject activity)
    {
        using (var response = await bot.PostActivityAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var id = activity["id"]!.GetValue<string>();
        var replies = RepliesTo(id);
        return replies.Count == 1
            ? replies[0]
            : throw new XunitException($"Expected one reply to {activity["text"] ?? activity["type"]}, got {replies.Count}: {string.Join(" | ", replies.Select(r => r.Body?.ToJsonString()))}");
    }

    /// <summary><paramref name="user"/> types <paramref name="text"/> in their personal chat; the bot's one reply to it.</summary>
    public Task<ConnectorRequest> SayAsync(TeamsUser user, string text, string locale = "en-US") =>
        ReplyToAsync(Activities.Message(connector.ServiceUrl, user, text, locale));

    /// <summary>The message the outbox sent to <paramref name="user"/> for the one notification of <paramref name="kind"/> (that <paramref name="which"/> picks).</summary>
    public async Task<ConnectorRequest> NotifiedAsync(TeamsUser user, string kind, Func<Notification, bool>? which = null)
    {
        var rows = await Outbox.SentAsync(user, kind, which);
        return rows.Count == 1
            ? MessageOf(rows[0])
            : throw new XunitException($"{rows.Count} {kind} notifications to {user.Name} match; say which one the test means (revision, subject).");
    }

    /// <summary>The messages the outbox sent to <paramref name="user"/> for every notification of <paramref name="kind"/> (that <paramref name="which"/> picks), in queue order.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> AllNotifiedAsync(TeamsUser user, string kind, Func<Notification, bool>? which = null) =>
        (await Outbox.SentAsync(user, kind, which)).Select(MessageOf).ToList();

    /// <summary>The text of a plain message (fails clearly when it is a card).</summary>
    public static string TextOf(ConnectorRequest message) =>
        message.Body?["text"]?.GetValue<string>() ?? throw new XunitException("Expected a text message, got: " + message.Body?.ToJsonString());

    private ConnectorRequest MessageOf(Notification sent) =>
        connector.SentActivities.SingleOrDefault(r => r.ActivityId == sent.SentActivityId)
        ?? throw new XunitException($"The connector has no activity {sent.SentActivityId} that notification #{sent.Id} ({sent.Kind}) was sent as.");
}
