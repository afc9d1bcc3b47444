using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace DiligenceBot.DirectorySync;

/// <summary>
/// One Graph sync of a tenant: read (delta), plan, guard, apply in one transaction with the new delta links, record the
/// run. Nightly by Hangfire (<see cref="JobId"/>, ids only) and on demand. Bad input, a Graph failure or a conflict is
/// recorded as a failed run with its reason and applies nothing; the delta links stay where they were, so the next
/// run reads the same changes again.
/// </summary>
public sealed class DirectorySyncJob(
    DiligenceDbContext db,
    GraphDirectorySource source,
    DirectoryUpdate update,
    IOptions<DirectoryOptions> options,
    TimeProvider time,
    IServiceProvider services,
    ILogger<DirectorySyncJob> logger)
{
    public const string JobId = "directory-sync";

    /// <summary>The nightly (and on-demand) sync; Hangfire runs one at a time.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string tenantId, CancellationToken cancellationToken) =>
        await SyncAsync(tenantId, confirmedRunId: null, adminId: null, cancellationToken);

    /// <summary>An admin confirmed a pending dry run: sync again and apply up to what the dry run showed.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task ConfirmAsync(string tenantId, Guid runId, string adminId, CancellationToken cancellationToken) =>
        await SyncAsync(tenantId, runId, adminId, cancellationToken);

    public async Task<DirectorySyncRun> SyncAsync(string tenantId, Guid? confirmedRunId, string? adminId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var run = new DirectorySyncRun { Id = Guid.NewGuid(), TenantId = tenantId, Source = DirectoryBatch.GraphSource, StartedAt = time.GetUtcNow() };
        if (!o.UsesGraph || !string.Equals(o.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            // The app's Graph credentials read one tenant; no other tenant's people may be written from them.
            Log.DirectorySyncWrongTenant(logger, tenantId);
            return await FailAsync(run, "Graph is not the directory source of this tenant.", null, cancellationToken);
        }

        DirectorySyncRun? confirmed = null;
        if (confirmedRunId is { } cid)
        {
            confirmed = await db.DirectorySyncRuns.SingleOrDefaultAsync(r => r.Id == cid && r.TenantId == tenantId, cancellationToken);
            if (confirmed is not { Outcome: DirectorySyncOutcome.Pending })
            {
                return confirmed ?? await FailAsync(run, "The dry run to confirm does not exist.", null, cancellationToken);
            }
        }

        var state = await db.DirectorySyncStates.SingleOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
        var started = time.GetTimestamp();
        GraphRead read;
        try
        {
            try
            {
                read = await source.ReadAsync(tenantId, state, cancellationToken);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 410 && state is not null)
            {
                // The delta token expired (syncStateNotFound, resyncRequired): start again from a full read.
                Log.DirectoryDeltaExpired(logger, tenantId);
                read = await source.ReadAsync(tenantId, null, cancellationToken);
            }
        }
        catch (Exception e) when (e is DirectoryReadException or ApiException or JsonException or HttpRequestException or FormatException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return await FailAsync(run, Reason(e), null, cancellationToken);
        }

        run.FullSync = read.FullSync;
        var readTime = time.GetElapsedTime(started);
        var plan = await update.PlanAsync(read.Batch, cancellationToken);
        var planTime = time.GetElapsedTime(started) - readTime;
        Count(run, plan);
        if (plan.Conflicts.Count > 0)
        {
            return await FailAsync(run, string.Join(" ", plan.Conflicts), plan, cancellationToken);
        }

        var disrupted = plan.Moves.Count + plan.Leaves.Count;
        var allowed = Math.Max(o.GuardMinimum, (int)Math.Floor(o.GuardShare * plan.ActiveBefore))
            + (confirmed is null ? 0 : confirmed.Moves + confirmed.Leaves);
        if (plan.ActiveBefore > 0 && disrupted > allowed)
        {
            run.Outcome = DirectorySyncOutcome.Pending;
            run.DryRun = DirectoryDryRun.From(plan);
            run.FinishedAt = time.GetUtcNow();
            await DiscardPendingAsync(tenantId, cancellationToken);
            db.DirectorySyncRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            Log.DirectorySyncGuarded(logger, tenantId, plan.Moves.Count, plan.Leaves.Count, plan.ActiveBefore, run.Id);
            return run;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await update.ApplyAsync(plan, cancellationToken);
                state ??= db.DirectorySyncStates.Add(new DirectorySyncState { TenantId = tenantId }).Entity;
                state.UsersDeltaLink = read.UsersDeltaLink;
                state.GroupsDeltaLink = read.GroupsDeltaLink;
                state.GroupsKey = read.GroupsKey;
                state.LastAppliedAt = time.GetUtcNow();
                await DiscardPendingAsync(tenantId, cancellationToken);
                if (confirmed is not null)
                {
                    confirmed.Outcome = DirectorySyncOutcome.Confirmed;
                    confirmed.DecidedById = adminId;
                }

                run.Outcome = confirmed is null ? DirectorySyncOutcome.Applied : DirectorySyncOutcome.Confirmed;
                run.DecidedById = adminId;
                run.People = plan.ActiveAfter;
                run.DryRun = DirectoryDryRun.From(plan);
                run.FinishedAt = time.GetUtcNow();
                db.DirectorySyncRuns.Add(run);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException e)
        {
            return await FailAsync(run, "The database refused the batch: " + (e.InnerException ?? e).Message, plan, cancellationToken);
        }

        Log.DirectorySyncApplied(logger, tenantId, run.Source, run.FullSync, run.Joins, run.Moves, run.Leaves, run.Updates, run.People, read.Requests,
            readTime.TotalSeconds, planTime.TotalSeconds, (time.GetElapsedTime(started) - readTime - planTime).TotalSeconds);
        if (services.GetService<IEnumerable<IHostedService>>()?.OfType<Scheduling.TeamJobs>().FirstOrDefault() is { } jobs)
        {
            await jobs.SyncAsync(cancellationToken); // new teams get their schedule at once
        }

        if (services.GetService<IOptions<Installation.InstallOptions>>()?.Value.IsOnFor(tenantId) == true
            && services.GetService<JobStorage>() is not null && services.GetService<IBackgroundJobClient>() is { } background)
        {
            // Whoever joined gets the app installed now rather than at the next scheduled run.
            background.Enqueue<Installation.AppInstallJob>(j => j.RunAsync(tenantId, CancellationToken.None));
        }

        return run;
    }

    private async Task DiscardPendingAsync(string tenantId, CancellationToken cancellationToken)
    {
        foreach (var pending in await db.DirectorySyncRuns.Where(r => r.TenantId == tenantId && r.Outcome == DirectorySyncOutcome.Pending).ToListAsync(cancellationToken))
        {
            pending.Outcome = DirectorySyncOutcome.Discarded;
        }
    }

    /// <summary>Records a failed run on a clean slate: whatever the plan had begun to track is dropped first.</summary>
    private async Task<DirectorySyncRun> FailAsync(DirectorySyncRun run, string reason, DirectoryPlan? plan, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        run.Outcome = DirectorySyncOutcome.Failed;
        run.Error = reason.Length > 2000 ? reason[..2000] : reason;
        run.DryRun = plan is null ? null : DirectoryDryRun.From(plan);
        run.FinishedAt = time.GetUtcNow();
        db.DirectorySyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        Log.DirectorySyncFailed(logger, run.TenantId, run.Id, run.Error);
        return run;
    }

    private static void Count(DirectorySyncRun run, DirectoryPlan plan)
    {
        run.Joins = plan.Joins.Count;
        run.Moves = plan.Moves.Count;
        run.Leaves = plan.Leaves.Count;
        run.Updates = plan.Updates;
        run.Conflicts = plan.ConflictCount;
        run.People = plan.ActiveBefore;
    }

    private static string Reason(Exception e) => e switch
    {
        ODataError { Error: { } error } odata => $"Graph answered {odata.ResponseStatusCode} {error.Code}: {error.Message}",
        ApiException api => $"Graph answered {api.ResponseStatusCode}: {api.Message}",
        JsonException or FormatException => "Graph answered something that is not the JSON it documents: " + e.Message,
        TaskCanceledException => "Graph did not answer in time.",
        _ => e.Message,
    };
}

/// <summary>The dry run an admin sees: who joins, moves and leaves (first 200 of each), and the conflicts.</summary>
public sealed record DirectoryDryRun(List<DryRunPerson> Joins, List<DryRunPerson> Moves, List<DryRunPerson> Leaves, List<string> Conflicts)
{
    private const int Shown = 200;

    public static string From(DirectoryPlan plan) => JsonSerializer.Serialize(
        new DirectoryDryRun(People(plan.Joins), People(plan.Moves), People(plan.Leaves), plan.Conflicts),
        DirectorySyncJsonContext.Default.DirectoryDryRun);

    public static DirectoryDryRun? Read(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, DirectorySyncJsonContext.Default.DirectoryDryRun);

    private static List<DryRunPerson> People(List<PersonChange> changes) =>
        [.. changes.Take(Shown).Select(c => new DryRunPerson(c.DisplayName, c.FromTeamId, c.ToTeamId))];
}

public sealed record DryRunPerson(string Name, string? FromTeam, string? ToTeam);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectoryDryRun))]
internal sealed partial class DirectorySyncJsonContext : JsonSerializerContext;
