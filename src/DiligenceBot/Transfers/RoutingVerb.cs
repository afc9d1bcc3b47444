using System.Globalization;
using DiligenceBot.Audit;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Transfers;

/// <summary>
/// "routing [CATEGORY POST]" / "信息路由 [类别 岗位]": an admin sees where each category of information goes (the
/// post, its people and lead, the deadlines) and sends a category to another post. The change is in the table, so
/// it stands across restarts until the category's entry in seeds/transfers.json itself is changed.
/// </summary>
public sealed class RoutingVerb(TransferRegister register, ILogger<RoutingVerb> logger) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { IsAdmin: true } admin || admin.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Transfers.RoutingAdminOnly.In(language));
        }

        if (await register.SettingsAsync(request.TenantId, cancellationToken) is not { } settings)
        {
            return BotAnswer.Refused(Texts.Transfers.NotSetUp.In(language));
        }

        var parts = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? notice = null;
        if (parts.Length is 1 or > 2)
        {
            return BotAnswer.Refused(Texts.Transfers.RoutingUsage.In(language));
        }

        if (parts.Length == 2)
        {
            var category = await register.Db.Set<TransferCategory>().SingleOrDefaultAsync(c => c.Id == parts[0] && c.TenantId == request.TenantId, cancellationToken);
            var post = await register.Db.Set<TransferPost>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == parts[1] && p.TenantId == request.TenantId && p.Active, cancellationToken);
            if (category is null || post is null)
            {
                return BotAnswer.Refused(Texts.Transfers.RoutingUnknown.Format(language, Cut(parts[0]), Cut(parts[1])));
            }

            if (category.PostId != post.Id)
            {
                category.PostId = post.Id;
                register.Db.Set<AuditEntry>().Add(new AuditEntry
                {
                    TenantId = request.TenantId,
                    At = register.Now,
                    ActorId = admin.Id,
                    Action = "transfer.route-changed",
                    SubjectType = "TransferCategory",
                    SubjectId = category.Id,
                    SourceVerb = request.Verb,
                    SourceActivityId = request.Activity.Id,
                });
                await register.Db.SaveChangesAsync(cancellationToken);
                Log.TransferRouteChanged(logger, category.Id, post.Id, admin.Id);
            }

            notice = Texts.Transfers.RoutingChanged.Format(language, category.Name(language), post.Name(language));
        }

        return BotAnswer.WithCard(await TableAsync(request.TenantId, settings, language, notice, cancellationToken));
    }

    private async Task<AdaptiveCard> TableAsync(string tenantId, TransferSettings settings, Language language, string? notice, CancellationToken cancellationToken)
    {
        var categories = await register.CategoriesAsync(tenantId, cancellationToken);
        var posts = (await register.PostsAsync(tenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var names = await register.Db.People.AsNoTracking().Where(p => p.TenantId == tenantId).ToDictionaryAsync(p => p.Id, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
        string People(TransferPost post)
        {
            var members = post.MemberIds.Select(id => names.GetValueOrDefault(id)).OfType<string>().ToList();
            var who = members.Count == 0 ? Texts.Transfers.RoutingNobody.In(language) : string.Join(language == Language.ZhCn ? "、" : ", ", members);
            return post.LeadId is { } lead ? $"{who}{(language == Language.ZhCn ? "；" : "; ")}{Texts.Transfers.RoutingLead.Format(language, names.GetValueOrDefault(lead) ?? lead)}" : who;
        }

        string Where(TransferPost post) => language == Language.ZhCn ? $"{post.Name(language)}（{People(post)}）" : $"{post.Name(language)} ({People(post)})";

        string Hours(double h) => h.ToString("0.#", CultureInfo.InvariantCulture);

        string Deadlines(Text urgency, TransferDeadlines d) =>
            Texts.Transfers.RoutingDeadlines.Format(language, urgency.In(language), Hours(d.RemindAfterHours), Hours(d.EscalateAfterHours), Hours(d.HandleWithinHours));

        var rows = categories.Select(c =>
        {
            var post = posts.GetValueOrDefault(c.PostId);
            return new TransferCards.RoutingRow(c.Name(language),
            [
                Texts.Transfers.RoutingGoesTo.Format(language, post is null ? c.PostId : Where(post)),
                Deadlines(Texts.Transfers.RoutingNormal, c.Normal),
                Deadlines(Texts.Transfers.RoutingUrgent, c.Urgent),
            ]);
        }).ToList();
        if (posts.GetValueOrDefault(settings.FallbackPostId) is { } fallback)
        {
            rows.Add(new(Texts.Transfers.RoutingFallback.In(language), [Where(fallback)]));
        }

        return TransferCards.Routing(rows, language, notice);
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] : text;
}
