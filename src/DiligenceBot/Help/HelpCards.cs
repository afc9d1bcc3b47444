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
    public const string GreetingVerb = "greeting";

    /// <summary>
    /// The personal welcome: a greeting, then the main actions one tap away (for leads also theirs), then help and
    /// profile. Someone not in the directory gets only help and profile (the actions would refuse them).
    /// </summary>
    /// <param name="installedForThem">The organisation installed the app for them (they did not add it): say why they have it.</param>
    public static AdaptiveCard Welcome(Person? person, bool isLead, Language language, bool installedForThem = false)
    {
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Welcome.Title.In(language),
            Body =
            [
                Title(Texts.Welcome.Title.In(language)),
                new TextBlock(person is null
                    ? Texts.Welcome.GreetingUnknown.In(language)
                    : Texts.Welcome.GreetingKnown.Format(language, person.DisplayName)) { Id = "greeting" },
            ],
            Actions =
            [
                Execute(Texts.Welcome.ShowHelp.In(language), HelpVerb),
                Execute(Texts.Welcome.ShowProfile.In(language), ProfileVerb),
            ],
        };
        if (installedForThem && person is not null)
        {
            card.Body.Add(new TextBlock((isLead ? Texts.Welcome.InstalledForLead : Texts.Welcome.InstalledForYou).In(language)) { Id = "why", Wrap = true });
        }

        if (person is not null)
        {
            card.Body.AddRange(MainActions(isLead, language));
        }

        return card;
    }

    /// <summary>The answer to "hi", "你好", "早上好"...: a short greeting with the main actions.</summary>
    public static AdaptiveCard Greeting(Person? person, bool isLead, Language language)
    {
        var text = person is null ? Texts.Welcome.GreetingAnonymous.In(language) : Texts.Welcome.Greeting.Format(language, person.DisplayName);
        var card = new AdaptiveCard
        {
            FallbackText = text,
            Body = [new TextBlock(text) { Id = "greeting", Weight = TextWeight.Bolder }],
            Actions = [Execute(Texts.Welcome.ShowHelp.In(language), HelpVerb)],
        };
        if (person is null)
        {
            card.Body.Add(new TextBlock(Texts.Welcome.GreetingUnknown.In(language)) { IsSubtle = true });
            return card;
        }

        card.Body.AddRange(MainActions(isLead, language));
        return card;
    }

    /// <summary>
    /// The main actions as buttons: write today's log, send a transfer form, my logs; for leads also team logs, forms
    /// today and coaching. Each button runs the same verb as the typed command.
    /// </summary>
    public static IEnumerable<CardElement> MainActions(bool isLead, Language language)
    {
        yield return new ActionSet
        {
            Id = "actions.manager",
            Actions =
            [
                Execute(Texts.Welcome.WriteLog.In(language), "worklog.open", ActionStyle.Positive),
                Execute(Texts.Welcome.SendTransfer.In(language), "transfer.open"),
                Execute(Texts.Welcome.MyLogs.In(language), "worklog.mine"),
            ],
        };
        if (isLead)
        {
            yield return new TextBlock(Texts.Welcome.ForLeadsButtons.In(language)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };
            yield return new ActionSet
            {
                Id = "actions.lead",
                Spacing = Spacing.None,
                Actions =
                [
                    Execute(Texts.Welcome.TeamLogs.In(language), "worklog.team"),
                    Execute(Texts.Welcome.FormsToday.In(language), "transfer.today"),
                    Execute(Texts.Welcome.Coach.In(language), "coach.open"),
                ],
            };
        }
    }

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

    /// <summary>
    /// The help card: the main actions first (the lead's under their own line), then every command in words. The
    /// same for everyone in a language (it is built once), so the lead's buttons are shown to all and answer those
    /// who do not lead with why not.
    /// </summary>
    public static AdaptiveCard Help(Language language)
    {
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Help.Title.In(language),
            Body = [Title(Texts.Help.Title.In(language))],
            Actions = [Execute(Texts.Help.ShowProfile.In(language), ProfileVerb)],
        };
        card.Body.AddRange(MainActions(isLead: true, language));
        card.Body.Add(new TextBlock(Texts.Help.Intro.In(language)) { IsSubtle = true, Separator = true, Spacing = Spacing.Medium });
        card.Body.Add(new Container
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
                new TextBlock(Texts.Customers.CommandCustomers.In(language)),
                new TextBlock(Texts.Meetings.CommandMinutes.In(language)),
                new TextBlock(Texts.Meetings.CommandActions.In(language)),
                new TextBlock(Texts.Meetings.CommandTraining.In(language)),
                new TextBlock(Texts.Records.CommandRecords.In(language)),
                new TextBlock(Texts.RecordChecks.CommandCheck.In(language)),
                new TextBlock(Texts.Scorecards.CommandScorecard.In(language)),
                new TextBlock(Texts.Scorecards.CommandExport.In(language)) { IsSubtle = true },
                new TextBlock(Texts.Scorecards.CommandMyScorecard.In(language)),
                new TextBlock(Texts.Skills.CommandSkills.In(language)),
                new TextBlock(Texts.Skills.CommandExport.In(language)) { IsSubtle = true },
                new TextBlock(Texts.Surveys.CommandSurvey.In(language)),
                new TextBlock(Texts.Surveys.CommandEvaluations.In(language)),
                new TextBlock(Texts.Annual.CommandAnnual.In(language)),
                new TextBlock(Texts.Annual.CommandMyAnnual.In(language)),
                new TextBlock(Texts.Customers.CommandImport.In(language)) { IsSubtle = true },
                new TextBlock(Texts.Plans.CommandPlan.In(language)),
                new TextBlock(Texts.Plans.CommandMeasures.In(language)),
                new TextBlock(Texts.Plans.CommandReport.In(language)),
                new TextBlock(Texts.Help.CommandMeeting.In(language)) { IsSubtle = true },
                new TextBlock(Texts.Help.CommandLogSetting.In(language)) { IsSubtle = true },
                new TextBlock(Texts.Plans.CommandPlanSetting.In(language)) { IsSubtle = true },
                new TextBlock(Texts.Transfers.CommandRouting.In(language)) { IsSubtle = true },
            ],
        });
        card.Body.Add(Section(Texts.Help.ForManagers.In(language), Texts.Help.ManagersIntro.In(language)));
        card.Body.Add(Section(Texts.Help.ForLeads.In(language), Texts.Help.LeadsIntro.In(language)));
        return card;
    }

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

            facts.Add(new(Texts.Profile.Meeting.In(language), Texts.Profile.MeetingAt.Format(language, CardDates.Time(team.MeetingTime), TimeZones.Name(team.TimeZone, language))));
        }

        foreach (var led in ledTeams)
        {
            facts.Add(new(Texts.Profile.LeadOf.In(language),
                Texts.Profile.LeadOfValue.Format(language, TeamName(led, language), Texts.Profile.MeetingAt.Format(language, CardDates.Time(led.MeetingTime), TimeZones.Name(led.TimeZone, language)))));
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

    private static ExecuteAction Execute(string title, string verb, ActionStyle? style = null) => new()
    {
        Title = title,
        Verb = verb,
        Style = style,
        Data = new JsonObject { ["verb"] = verb },
    };
}
