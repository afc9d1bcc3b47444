using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.DirectorySync;

/// <summary>
/// "sync" / "同步" for an admin: the directory sync's state (the last run, a dry run waiting for confirmation with who
/// joins, moves and leaves), a button to sync now and, for a pending dry run, one to confirm it. The sync itself runs
/// as a Hangfire job (ids only) when the schedule runs in this instance, otherwise at once.
/// </summary>
public sealed class SyncVerb(DiligenceDbContext db, IOptions<DirectoryOptions> options, IOptions<Installation.InstallOptions> install, IServiceProvider services) : IBotVerb
{
    public const string OpenVerb = "directory.sync";
    public const string RunVerb = "directory.run";
    public const string ConfirmVerb = "directory.confirm";

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { IsAdmin: true } admin || admin.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Directory.AdminOnly.In(language));
        }

        var o = options.Value;
        if (!o.UsesGraph || !string.Equals(o.TenantId, request.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return BotAnswer.WithText(Texts.Directory.SeedsSource.In(language));
        }

        string? notice = null;
        if (request.Verb == RunVerb || request.Verb == ConfirmVerb)
        {
            Guid? confirm = null;
            if (request.Verb == ConfirmVerb)
            {
                var runId = request.Card.Guid("runId");
                var pending = runId is null ? null : await db.DirectorySyncRuns.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.Id == runId && r.TenantId == request.TenantId && r.Outcome == DirectorySyncOutcome.Pending, cancellationToken);
                if (pending is null)
                {
                    return BotAnswer.WithCard(await CardAsync(request.TenantId, language, Texts.Directory.NoLongerPending.In(language), cancellationToken));
                }

                confirm = pending.Id;
            }

            if (services.GetService<JobStorage>() is not null && services.GetService<IBackgroundJobClient>() is { } jobs)
            {
                var tenant = request.TenantId;
                var adminId = admin.Id;
                _ = confirm is { } id
                    ? jobs.Enqueue<DirectorySyncJob>(j => j.ConfirmAsync(tenant, id, adminId, CancellationToken.None))
                    : jobs.Enqueue<DirectorySyncJob>(j => j.RunAsync(tenant, CancellationToken.None));
                notice = Texts.Directory.Started.In(language);
            }
            else
            {
                await services.GetRequiredService<DirectorySyncJob>().SyncAsync(request.TenantId, confirm, admin.Id, cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        return BotAnswer.WithCard(await CardAsync(request.TenantId, language, notice, cancellationToken));
    }

    private async Task<AdaptiveCard> CardAsync(string tenantId, Language language, string? notice, CancellationToken cancellationToken)
    {
        var last = await db.DirectorySyncRuns.AsNoTracking().Where(r => r.TenantId == tenantId)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        var title = Texts.Directory.Title.In(language);
        var card = new AdaptiveCard { FallbackText = title, Body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" }], Actions = [] };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Weight = TextWeight.Bolder });
        }

        if (last is null)
        {
            card.Body.Add(new TextBlock(Texts.Directory.NothingYet.In(language)) { Id = "last" });
        }
        else
        {
            var when = CardDates.At(last.StartedAt, options.Value.NightlyTimeZone);
            card.Body.Add(new TextBlock(Texts.Directory.LastRun.Format(language, when, Outcome(last.Outcome).In(language))) { Id = "last", Wrap = true });
            card.Body.Add(new TextBlock(Texts.Directory.Counts.Format(language, last.Joins, last.Moves, last.Leaves, last.Updates, last.People)) { Id = "counts", Wrap = true, Spacing = Spacing.None });
            if (last.Error is { } error)
            {
                card.Body.Add(new TextBlock(Texts.Directory.Reason.Format(language, error.Length > 500 ? error[..500] + "…" : error)) { Id = "reason", Wrap = true, Color = TextColor.Attention });
            }

            if (last.Outcome == DirectorySyncOutcome.Pending && DirectoryDryRun.Read(last.DryRun) is { } dryRun)
            {
                card.Body.Add(new TextBlock(Texts.Directory.PendingIntro.Format(language, last.Moves + last.Leaves, last.People)) { Id = "pending", Wrap = true, Weight = TextWeight.Bolder, Separator = true });
                Section(card, "leaves", Texts.Directory.Leaves, dryRun.Leaves, last.Leaves, language);
                Section(card, "moves", Texts.Directory.Moves, dryRun.Moves, last.Moves, language);
                Section(card, "joins", Texts.Directory.Joins, dryRun.Joins, last.Joins, language);
                if (dryRun.Conflicts.Count > 0)
                {
                    card.Body.Add(new TextBlock(Texts.Directory.Conflicts.In(language)) { Weight = TextWeight.Bolder });
                    card.Body.Add(new TextBlock(string.Join("\n", dryRun.Conflicts.Take(10))) { Id = "conflicts", Wrap = true });
                }

                card.Actions!.Add(new ExecuteAction
                {
                    Title = Texts.Directory.Confirm.In(language),
                    Verb = ConfirmVerb,
                    Data = new JsonObject { ["verb"] = ConfirmVerb, ["runId"] = last.Id.ToString() },
                    Style = ActionStyle.Destructive,
                });
            }
        }

        if (install.Value.IsOnFor(tenantId))
        {
            await InstallStatusAsync(card, tenantId, language, cancellationToken);
        }

        card.Actions!.Add(new ExecuteAction { Title = Texts.Directory.SyncNow.In(language), Verb = RunVerb, Data = new JsonObject { ["verb"] = RunVerb } });
        return card;
    }

    /// <summary>Proactive installation: installed by the organisation, still waiting, and who failed with Graph's reason.</summary>
    private async Task InstallStatusAsync(AdaptiveCard card, string tenantId, Language language, CancellationToken cancellationToken)
    {
        var rows = await db.AppInstallations.AsNoTracking().Where(i => i.TenantId == tenantId)
            .Select(i => new { i.PersonId, i.State, i.LastError }).ToListAsync(cancellationToken);
        var needing = await Installation.AppInstallJob.NeedingAsync(db, tenantId).Select(p => p.Id).ToListAsync(cancellationToken);
        var settled = rows.Where(r => r.State != Installation.AppInstallationState.Pending).Select(r => r.PersonId).ToHashSet(StringComparer.Ordinal);
        var failed = rows.Where(r => r.State == Installation.AppInstallationState.Failed).ToList();
        card.Body.Add(new TextBlock(Texts.Directory.InstallStatus.Format(language,
            rows.Count(r => r.State == Installation.AppInstallationState.Installed), needing.Count(id => !settled.Contains(id)), failed.Count))
        { Id = "install", Wrap = true, Separator = true });
        if (failed.Count == 0)
        {
            return;
        }

        var ids = failed.Take(10).Select(f => f.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => p.TenantId == tenantId && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        card.Body.Add(new TextBlock(Texts.Directory.InstallFailed.In(language)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        var lines = failed.Take(10).Select(f => $"{names.GetValueOrDefault(f.PersonId, f.PersonId)}{(language == Language.ZhCn ? "：" : ": ")}{f.LastError}");
        var text = string.Join("\n", lines);
        if (failed.Count > 10)
        {
            text += "\n" + Texts.Directory.More.Format(language, failed.Count - 10);
        }

        card.Body.Add(new TextBlock(text) { Id = "installFailed", Wrap = true, Spacing = Spacing.None });
    }

    /// <summary>A list of names under its heading: the first 15, then how many more.</summary>
    private static void Section(AdaptiveCard card, string id, Text heading, List<DryRunPerson> people, int total, Language language)
    {
        if (total == 0)
        {
            return;
        }

        card.Body.Add(new TextBlock($"{heading.In(language)} ({total})") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        var names = string.Join(language == Language.ZhCn ? "、" : ", ", people.Take(15).Select(p => p.Name));
        if (total > 15)
        {
            names += " " + Texts.Directory.More.Format(language, total - 15);
        }

        card.Body.Add(new TextBlock(names) { Id = id, Wrap = true, Spacing = Spacing.None });
    }

    private static Text Outcome(DirectorySyncOutcome outcome) => outcome switch
    {
        DirectorySyncOutcome.Applied => Texts.Directory.Applied,
        DirectorySyncOutcome.Pending => Texts.Directory.Pending,
        DirectorySyncOutcome.Confirmed => Texts.Directory.Confirmed,
        DirectorySyncOutcome.Discarded => Texts.Directory.Discarded,
        _ => Texts.Directory.Failed,
    };
}
