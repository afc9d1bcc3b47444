using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Organisation;
using DiligenceBot.Localization;

namespace DiligenceBot.Help;

/// <summary>The welcome, help and profile cards.</summary>
public static class HelpCards
{
    public const string HelpVerb = "help.show";
    public const string ProfileVerb = "profile.show";

    public static AdaptiveCard Welcome(Person? person, Language language) => new()
    {
        FallbackText = Texts.Welcome.Title.In(language),
        Body =
        [
            Title(Texts.Welcome.Title.In(language)),
            new TextBlock(person is null
                ? Texts.Welcome.GreetingUnknown.In(language)
                : Texts.Welcome.GreetingKnown.Format(language, person.DisplayName)),
        ],
        Actions =
        [
            Execute(Texts.Welcome.ShowHelp.In(language), HelpVerb),
            Execute(Texts.Welcome.ShowProfile.In(language), ProfileVerb),
        ],
    };

    public static AdaptiveCard WelcomeTeam(string? teamName, Language language) => new()
    {
        FallbackText = Texts.Welcome.Title.In(language),
        Body =
        [
            Title(Texts.Welcome.Title.In(language)),
            new TextBlock(Texts.Welcome.GreetingTeam.Format(language, teamName ?? string.Empty)),
        ],
        Actions = [Execute(Texts.Welcome.ShowHelp.In(language), HelpVerb)],
    };

    public static AdaptiveCard Help(Language language) => new()
    {
        FallbackText = Texts.Help.Title.In(language),
        Body =
        [
            Title(Texts.Help.Title.In(language)),
            new TextBlock(Texts.Help.Intro.In(language)) { IsSubtle = true },
            new Container
            {
                Id = "commands",
                Items =
                [
                    new TextBlock(Texts.Help.CommandHelp.In(language)),
                    new TextBlock(Texts.Help.CommandMe.In(language)),
                    new TextBlock(Texts.Help.CommandLog.In(language)),
                    new TextBlock(Texts.Help.CommandMyLogs.In(language)),
                    new TextBlock(Texts.Help.CommandTeamLogs.In(language)),
                    new TextBlock(Texts.Transfers.CommandTransfer.In(language)),
                    new TextBlock(Texts.Transfers.CommandMyForms.In(language)),
                    new TextBlock(Texts.Transfers.CommandInbox.In(language)),
                    new TextBlock(Texts.Transfers.CommandToday.In(language)),
                    new TextBlock(Texts.Coaching.CommandPulse.In(language)),
                    new TextBlock(Texts.Coaching.CommandCoach.In(language)),
                    new TextBlock(Texts.Help.CommandMeeting.In(language)) { IsSubtle = true },
                    new TextBlock(Texts.Transfers.CommandRouting.In(language)) { IsSubtle = true },
                ],
            },
            Section(Texts.Help.ForManagers.In(language), Texts.Help.ManagersIntro.In(language)),
            Section(Texts.Help.ForLeads.In(language), Texts.Help.LeadsIntro.In(language)),
        ],
        Actions = [Execute(Texts.Help.ShowProfile.In(language), ProfileVerb)],
    };

    /// <summary>Who the bot thinks the user is. <paramref name="ledTeams"/> are the teams the person leads.</summary>
    public static AdaptiveCard Profile(Person? person, string? aadObjectId, IReadOnlyList<Team> ledTeams, Language language)
    {
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Profile.Title.In(language),
            Body = [Title(Texts.Profile.Title.In(language))],
            Actions = [Execute(Texts.Profile.BackToHelp.In(language), HelpVerb)],
        };
        if (person is null)
        {
            card.Body.Add(new TextBlock(Texts.Profile.Unknown.Format(language, aadObjectId ?? "?")) { Color = TextColor.Warning });
            return card;
        }

        var facts = new List<Fact> { new(Texts.Profile.Name.In(language), person.DisplayName) };
        if (person.Team is { } team)
        {
            facts.Add(new(Texts.Profile.ManagerIn.In(language), TeamName(team, language)));
            if (team.Lead is { } lead)
            {
                facts.Add(new(Texts.Profile.YourLead.In(language), lead.DisplayName));
            }

            facts.Add(new(Texts.Profile.Meeting.In(language), Texts.Profile.MeetingAt.Format(language, team.MeetingTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), team.TimeZone)));
        }

        foreach (var led in ledTeams)
        {
            facts.Add(new(Texts.Profile.LeadOf.In(language),
                $"{TeamName(led, language)} — {Texts.Profile.MeetingAt.Format(language, led.MeetingTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), led.TimeZone)}"));
        }

        if (person.IsAdmin)
        {
            facts.Add(new(Texts.Profile.Admin.In(language), Texts.Profile.Yes.In(language)));
        }

        card.Body.Add(new FactSet { Id = "profile", Facts = facts });
        return card;
    }

    public static string TeamName(Team team, Language language) => language == Language.ZhCn ? team.NameZh : team.NameEn;

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" };

    private static Container Section(string heading, string body) => new()
    {
        Separator = true,
        Spacing = Spacing.Medium,
        Items = [new TextBlock(heading) { Weight = TextWeight.Bolder }, new TextBlock(body)],
    };

    private static ExecuteAction Execute(string title, string verb) => new()
    {
        Title = title,
        Verb = verb,
        Data = new JsonObject { ["verb"] = verb },
    };
}
