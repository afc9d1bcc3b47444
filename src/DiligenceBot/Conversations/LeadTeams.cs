using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Conversations;

/// <summary>One team's part of an answer to a lead: its heading (the team and the day) and what it shows.</summary>
public sealed record TeamGroup(string TeamId, string Heading, IReadOnlyList<CardElement> Items);

/// <summary>
/// The teams a person leads, and one card for all of them grouped by team: what "team logs", "forms today", the
/// lead's digest and review reminder share, so a lead of several teams gets one answer covering every team.
/// </summary>
public static class LeadTeams
{
    /// <summary>Every team the person reviews (as lead or delegate), in id order.</summary>
    public static async Task<List<Team>> ReviewedByAsync(DiligenceDbContext db, string tenantId, string personId, CancellationToken cancellationToken) =>
        (await db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId).OrderBy(t => t.Id).ToListAsync(cancellationToken))
            .Where(t => t.IsReviewer(personId))
            .ToList();

    /// <summary>Every team whose lead the person is (who gets the team's digest and review reminders), in id order.</summary>
    public static Task<List<Team>> LedByAsync(DiligenceDbContext db, string tenantId, string personId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId && t.LeadId == personId).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// One team: its heading is the card's title and its items follow (ids as given). Several: <paramref name="severalTitle"/>,
    /// then each team under its own heading (id <c>team.{id}</c>) in a separated section (id <c>section.{id}</c>).
    /// </summary>
    public static AdaptiveCard Card(string severalTitle, IReadOnlyList<TeamGroup> groups, string? notice = null, CardRefresh? refresh = null)
    {
        var single = groups.Count == 1;
        var title = single ? groups[0].Heading : severalTitle;
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = refresh,
            Body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" }],
        };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Weight = TextWeight.Bolder });
        }

        foreach (var group in groups)
        {
            var items = new List<CardElement>();
            if (!single)
            {
                items.Add(new TextBlock(group.Heading) { Id = "team." + group.TeamId, Weight = TextWeight.Bolder, Size = TextSize.Medium });
            }

            items.AddRange(group.Items);
            card.Body.Add(new Container { Id = "section." + group.TeamId, Items = items, Separator = single ? null : true, Spacing = single ? null : Spacing.Large });
        }

        return card;
    }

    /// <summary>An element's id within a group: as is when the card shows one team, suffixed with the team otherwise.</summary>
    public static string Id(string id, string teamId, bool single) => single ? id : $"{id}.{teamId}";
}
