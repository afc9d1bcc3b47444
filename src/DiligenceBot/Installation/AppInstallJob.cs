using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace DiligenceBot.Installation;

/// <summary>What one run of the installation job did.</summary>
public sealed record AppInstallRun(bool On, int Installed, int AlreadyInstalled, int Failed, int RetryLater, bool Throttled)
{
    public static readonly AppInstallRun Off = new(false, 0, 0, 0, 0, false);
}

/// <summary>
/// Installs the app in the personal scope of the tenant's people who need it and have no conversation with the bot,
/// through Graph (<c>POST /users/{id}/teamwork/installedApps</c> binding the catalog app), the way Company Communicator
/// does: 201 means Teams will send the installationUpdate that stores the conversation and shows the welcome; 409 means
/// it was installed already, so the chat is read (<c>installedApps?$filter</c>, then <c>…/chat</c>) and the conversation
/// stored from it. Paced per tenant; 429 and 503/504 are retried by the SDK honouring Retry-After, and a 429 that
/// outlasts those retries stops the run until Graph's Retry-After has passed; other 5xx, timeouts and network errors
/// are tried again with growing delays up to <c>Install:MaxAttempts</c>; 400/403/404 are recorded with Graph's reason
/// and not tried again. Ids only as job arguments; after each directory sync and every <c>Install:Interval</c>.
/// Someone who removed the app (or whom Teams refused) is never installed again by the job: their conversation ended.
/// </summary>
public sealed class AppInstallJob(
    DiligenceDbContext db,
    GraphServiceClient graph,
    IOptions<InstallOptions> options,
    IOptions<DirectorySync.DirectoryOptions> directory,
    Notifications.TenantPacer pacer,
    TimeProvider time,
    ILogger<AppInstallJob> logger)
{
    public static string JobId(string tenantId) => $"app-install:{tenantId}";

    /// <summary>The longest wait between two attempts after transient failures.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string tenantId, CancellationToken cancellationToken) => await InstallAsync(tenantId, cancellationToken);

    public async Task<AppInstallRun> InstallAsync(string tenantId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsOnFor(tenantId))
        {
            return AppInstallRun.Off;
        }

        var now = time.GetUtcNow();
        var needed = await NeedingAsync(db, tenantId).Select(p => new { p.Id, p.AadObjectId }).ToListAsync(cancellationToken);
        var neededIds = needed.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var known = (await db.AppInstallations.Where(i => i.TenantId == tenantId).Select(i => i.PersonId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var person in needed.Where(p => !known.Contains(p.Id)))
        {
            db.AppInstallations.Add(new AppInstallation
            {
                TenantId = tenantId,
                PersonId = person.Id,
                AadObjectId = person.AadObjectId,
                State = AppInstallationState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var due = (await db.AppInstallations
                .Where(i => i.TenantId == tenantId && i.State == AppInstallationState.Pending && i.NextAttemptAt <= now)
                .OrderBy(i => i.NextAttemptAt).ThenBy(i => i.Id)
                .ToListAsync(cancellationToken))
            .Where(i => neededIds.Contains(i.PersonId))
            .Take(o.BatchSize)
            .ToList();
        int installed = 0, already = 0, failed = 0, later = 0;
        var throttled = false;
        foreach (var install in due)
        {
            await pacer.WaitForSlotAsync("graph-install:" + tenantId, o.RequestsPerSecond, cancellationToken);
            var outcome = await InstallOneAsync(install, o, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            switch (outcome)
            {
                case Outcome.Installed: installed++; break;
                case Outcome.AlreadyInstalled: already++; break;
                case Outcome.Failed: failed++; break;
                case Outcome.RetryLater: later++; break;
                case Outcome.Throttled: throttled = true; break;
            }

            if (throttled)
            {
                // Graph is still throttling this app after the SDK's retries: the others wait for the next run.
                break;
            }
        }

        Log.AppInstallRun(logger, tenantId, due.Count, installed, already, failed, later, throttled);
        return new AppInstallRun(true, installed, already, failed, later, throttled);
    }

    /// <summary>
    /// The tenant's people who need the app and have no way to be messaged: active, in a role, without a live
    /// conversation record, and whose conversation did not end by their removing the app or Teams refusing it.
    /// </summary>
    internal static IQueryable<Organisation.Person> NeedingAsync(DiligenceDbContext db, string tenantId) =>
        db.People.AsNoTracking().Where(p => p.TenantId == tenantId && p.LeftAt == null && p.Roles != DirectoryRoles.None
            && !db.ConversationRecords.Any(c => c.TenantId == tenantId && c.AadObjectId == p.AadObjectId
                && (c.RetiredAt == null || c.RetiredReason == ConversationEnds.Uninstalled || c.RetiredReason == ConversationEnds.BotRemoved
                    || c.RetiredReason!.StartsWith(ConversationEnds.ConnectorPrefix) || c.RetiredReason!.StartsWith(ConversationEnds.CreatePrefix))));

    private enum Outcome { Installed, AlreadyInstalled, Failed, RetryLater, Throttled }

    private async Task<Outcome> InstallOneAsync(AppInstallation install, InstallOptions o, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        install.Attempts++;
        // Saved before asking: Teams may deliver the installationUpdate before Graph's answer is back here, and the
        // welcome must already see that the organisation is installing it.
        await db.SaveChangesAsync(cancellationToken);
        var user = graph.Users[install.AadObjectId].Teamwork.InstalledApps;
        try
        {
            try
            {
                await user.PostAsync(new UserScopeTeamsAppInstallation
                {
                    AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{directory.Value.GraphBaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{o.TeamsAppId}" },
                }, cancellationToken: cancellationToken);
                install.State = AppInstallationState.Installed;
                install.InstalledAt = now;
                install.LastError = null;
                Log.AppInstalled(logger, install.TenantId, install.PersonId);
                return Outcome.Installed;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 409)
            {
                // Installed already (by the person, or an install whose installationUpdate never reached us): read the chat.
                var listed = await user.GetAsync(c =>
                {
                    c.QueryParameters.Expand = ["teamsApp"];
                    c.QueryParameters.Filter = $"teamsApp/id eq '{o.TeamsAppId}'";
                }, cancellationToken);
                var installationId = listed?.Value?.FirstOrDefault()?.Id;
                if (installationId is null)
                {
                    return RetryLater(install, o, "409, but the installation is not listed yet", now);
                }

                var chat = await user[installationId].Chat.GetAsync(cancellationToken: cancellationToken);
                if (chat?.Id is not { Length: > 0 and <= 512 } chatId)
                {
                    return RetryLater(install, o, "the installation's chat has no id", now);
                }

                return await StoreChatAsync(install, o, chatId, now, cancellationToken);
            }
        }
        catch (Exception e) when (Failure(e, cancellationToken) is { } failure)
        {
            return OnFailure(install, o, failure, now);
        }
    }

    /// <summary>
    /// What failed, as Graph answered it: the SDK's retry handler wraps the answers in an AggregateException once its own
    /// retries (429, 503, 504) are spent, the last answer last. Null for anything else (a bug, shutting down): thrown on.
    /// </summary>
    private static Exception? Failure(Exception e, CancellationToken cancellationToken) => e switch
    {
        AggregateException { InnerExceptions: [.., var last] } => Failure(last, cancellationToken),
        ApiException or HttpRequestException or System.Text.Json.JsonException => e,
        TaskCanceledException when !cancellationToken.IsCancellationRequested => e,
        _ => null,
    };

    private Outcome OnFailure(AppInstallation install, InstallOptions o, Exception failure, DateTimeOffset now)
    {
        switch (failure)
        {
            case ApiException { ResponseStatusCode: 429 } e:
                install.Attempts--; // waited out, not a failure
                var wait = RetryAfter(e) ?? TimeSpan.FromMinutes(1);
                install.NextAttemptAt = now + wait;
                install.LastError = Cut("429: throttled by Graph");
                Log.AppInstallThrottled(logger, install.TenantId, (int)wait.TotalSeconds);
                return Outcome.Throttled;
            case ApiException { ResponseStatusCode: 400 or 401 or 403 or 404 } e:
                install.State = AppInstallationState.Failed;
                install.LastError = Cut(Reason(e));
                Log.AppInstallFailed(logger, install.TenantId, install.PersonId, install.LastError);
                return Outcome.Failed;
            default:
                return RetryLater(install, o, failure switch
                {
                    ApiException api => Reason(api),
                    TaskCanceledException => "Graph did not answer in time",
                    _ => failure.GetType().Name + ": " + failure.Message,
                }, now);
        }
    }

    /// <summary>The conversation reference made from the chat Graph gave (as an installationUpdate would have made it).</summary>
    private async Task<Outcome> StoreChatAsync(AppInstallation install, InstallOptions o, string chatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A service URL some authenticated activity of this tenant brought, or the configured one: never a guessed one.
        var seen = await db.ConversationRecords.AsNoTracking()
            .Where(c => c.TenantId == install.TenantId && c.ChannelId == BotFramework.Schema.Channels.MsTeams)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => new { c.ServiceUrl, c.BotId })
            .FirstOrDefaultAsync(cancellationToken);
        var serviceUrl = seen?.ServiceUrl ?? o.ServiceUrl;
        if (serviceUrl is null)
        {
            return RetryLater(install, o, "installed already; waiting for a service URL (set Install:ServiceUrl)", now);
        }

        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == install.PersonId && p.TenantId == install.TenantId, cancellationToken);
        if (!await db.ConversationRecords.AnyAsync(c => c.ConversationId == chatId, cancellationToken))
        {
            db.ConversationRecords.Add(new ConversationRecord
            {
                TenantId = install.TenantId,
                ChannelId = BotFramework.Schema.Channels.MsTeams,
                ServiceUrl = serviceUrl,
                ConversationId = chatId,
                ConversationType = "personal",
                // Teams' user id (29:…) is not known until they write; the Entra form of their id is what Teams accepts too.
                UserId = "8:orgid:" + install.AadObjectId,
                AadObjectId = install.AadObjectId,
                UserName = person.DisplayName,
                BotId = seen?.BotId,
                Locale = person.Locale,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        install.State = AppInstallationState.Installed;
        install.WasInstalled = true;
        install.ChatId = chatId;
        install.InstalledAt = now;
        install.LastError = null;
        Log.AppAlreadyInstalled(logger, install.TenantId, install.PersonId);
        return Outcome.AlreadyInstalled;
    }

    private Outcome RetryLater(AppInstallation install, InstallOptions o, string reason, DateTimeOffset now)
    {
        install.LastError = Cut(reason);
        if (install.Attempts >= o.MaxAttempts)
        {
            install.State = AppInstallationState.Failed;
            Log.AppInstallFailed(logger, install.TenantId, install.PersonId, install.LastError);
            return Outcome.Failed;
        }

        var delay = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, install.Attempts - 1), MaxRetryDelay.TotalMinutes));
        install.NextAttemptAt = now + (delay * (0.8 + (Random.Shared.NextDouble() * 0.4)));
        Log.AppInstallRetryLater(logger, install.TenantId, install.PersonId, install.Attempts, install.LastError);
        return Outcome.RetryLater;
    }

    private static TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value is { } values
            && int.TryParse(values.FirstOrDefault(), out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, 3600))
            : null;

    private static string Reason(ApiException e) => e is ODataError { Error: { } error }
        ? $"{e.ResponseStatusCode} {error.Code}: {error.Message}"
        : $"{e.ResponseStatusCode}: {e.Message}";

    private static string Cut(string text) => text.Length <= 256 ? text : text[..256];
}
