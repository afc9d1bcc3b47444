using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Customers;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;

namespace DiligenceBot.Records;

/// <summary>A record as a list shows it.</summary>
public sealed record RecordLine(Guid Id, string Kind, string Period, string Title, string? ManagerName, RecordStatus Status, int Files);

/// <summary>A record as its card shows it.</summary>
public sealed record RecordView(ManagerRecord Record, string Kind, string Period, string ManagerName, IReadOnlyList<string> Customers, string FiledAt);

/// <summary>
/// A record's card for one viewer: the team (who reviews it), the decision on its current filing and who made it, and
/// what the reviewer typed with its errors when the review comes back.
/// </summary>
public sealed record RecordCardState(RecordView View, Team Team, string ViewerId, RecordReview? Decided, string? DeciderName,
    Dictionary<string, string>? Typed = null, Dictionary<string, string>? Errors = null, string? Notice = null);

/// <summary>A file waiting to be filed, as the form offers it.</summary>
public sealed record UnfiledFile(long Id, string Name, long SizeBytes);

/// <summary>The records' cards: the form, the list of a month, one record.</summary>
public static class RecordCards
{
    public const string ListVerb = "records.list";
    public const string FormVerb = "records.form";
    public const string SubmitVerb = "records.submit";
    public const string ViewVerb = "records.view";
    public const string VerifyVerb = "records.verify";
    public const string ReturnVerb = "records.return";
    public const string DeleteVerb = "records.delete";
    public const string KindInput = "kind";
    public const string PeriodInput = "period";
    /// <summary>Not "title": that is the id of every card's heading.</summary>
    public const string TitleInput = "recordTitle";
    public const string CustomersInput = "customers";
    public const string FilesInput = "files";
    public const int MaxLines = 30;

    public static readonly string[] Inputs = [KindInput, PeriodInput, TitleInput, CustomersInput, CustomerPicks.UnregisteredKey(CustomersInput), FilesInput];

    /// <param name="picked">The filer's own registered customers among those picked in <paramref name="typed"/>, to show again titled.</param>
    public static AdaptiveCard Form(string managerId, RecordKinds kinds, IReadOnlyList<UnfiledFile> files, string periodExample, Language language,
        Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null, string? notice = null, IReadOnlyDictionary<long, PickedCustomer>? picked = null)
    {
        typed ??= [];
        errors ??= [];
        var title = Texts.Records.FormTitle.In(language);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" }],
        };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Color = TextColor.Attention });
        }

        card.Body.Add(new ChoiceSetInput
        {
            Id = KindInput,
            Label = Texts.Records.Kind.In(language),
            IsRequired = true,
            ErrorMessage = Texts.Records.ErrorKind.In(language),
            Style = ChoiceInputStyle.Compact,
            Choices = [.. kinds.All.Select(k => new Choice(k.Name(language), k.Id))],
            Value = typed.GetValueOrDefault(KindInput),
        });
        AddError(card, errors, KindInput);
        card.Body.Add(new TextInput
        {
            Id = PeriodInput,
            Label = Texts.Records.Period.In(language),
            Placeholder = periodExample,
            Value = typed.GetValueOrDefault(PeriodInput),
            MaxLength = 16,
        });
        card.Body.Add(new TextBlock(Texts.Records.PeriodHint.In(language)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None, Id = "period-hint" });
        AddError(card, errors, PeriodInput);
        card.Body.Add(new TextInput
        {
            Id = TitleInput,
            Label = Texts.Records.RecordTitle.In(language),
            IsRequired = true,
            ErrorMessage = Texts.WorkLogs.ErrorRequired.Format(language, Texts.Records.RecordTitle.In(language)),
            Value = typed.GetValueOrDefault(TitleInput),
            MaxLength = RecordLimits.Title,
        });
        AddError(card, errors, TitleInput);
        // The same picker as the work log's customers: the filer's own customers by type-ahead, shops not registered below.
        card.Body.Add(CustomerCards.Picker(new(CustomersInput, Texts.Records.Customers.In(language), RecordLimits.CustomersLine),
            CustomerPicks.Read(typed, CustomersInput), picked ?? new Dictionary<long, PickedCustomer>(), language));
        AddError(card, errors, CustomersInput);
        if (files.Count == 0)
        {
            card.Body.Add(new TextBlock(Texts.Records.NoFiles.In(language)) { Id = "no-files", Color = TextColor.Warning });
        }
        else
        {
            card.Body.Add(new ChoiceSetInput
            {
                Id = FilesInput,
                Label = Texts.Records.Files.In(language),
                IsMultiSelect = true,
                Style = ChoiceInputStyle.Expanded,
                Wrap = true,
                Choices = [.. files.Select(f => new Choice(Texts.Records.FileChoice.Format(language, f.Name, Kilobytes(f.SizeBytes)), f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
                Value = typed.TryGetValue(FilesInput, out var chosen) ? chosen : string.Join(",", files.Select(f => f.Id)),
            });
        }

        AddError(card, errors, FilesInput);
        card.Actions =
        [
            new ExecuteAction
            {
                Title = Texts.Records.Submit.In(language),
                Verb = SubmitVerb,
                Data = new JsonObject { ["verb"] = SubmitVerb, ["managerId"] = managerId },
                AssociatedInputs = "auto",
                Style = ActionStyle.Positive,
            },
        ];
        return card;
    }

    public static AdaptiveCard List(string title, IReadOnlyList<RecordLine> lines, int unfiled, string emptyText, Language language)
    {
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" }],
            Actions = [new ExecuteAction { Title = Texts.Records.FileRecordButton.In(language), Verb = FormVerb, Data = new JsonObject { ["verb"] = FormVerb } }],
        };
        if (lines.Count == 0)
        {
            card.Body.Add(new TextBlock(emptyText) { Id = "empty" });
        }

        foreach (var line in lines.Take(MaxLines))
        {
            var who = line.ManagerName is null ? string.Empty : line.ManagerName + " · ";
            card.Body.Add(new Container
            {
                Id = "record-" + line.Id,
                Separator = true,
                Items =
                [
                    new TextBlock(line.Title) { Weight = TextWeight.Bolder },
                    new TextBlock(who + Texts.Records.ListLine.Format(language, line.Kind, line.Period, line.Files)) { IsSubtle = true, Spacing = Spacing.None },
                    new TextBlock(StatusText(line.Status, language)) { Color = StatusColor(line.Status), Spacing = Spacing.None },
                    new ActionSet { Actions = [new ExecuteAction { Title = Texts.Records.OpenButton.In(language), Verb = ViewVerb, Data = new JsonObject { ["verb"] = ViewVerb, ["recordId"] = line.Id.ToString() } }] },
                ],
            });
        }

        if (unfiled > 0)
        {
            card.Body.Add(new TextBlock(Texts.Records.Unfiled.Format(language, unfiled)) { Id = "unfiled", Color = TextColor.Warning, Separator = true });
        }

        return card;
    }

    /// <summary>
    /// A record's card for the one who opens it: for the team's lead or a delegate the review card (the shared comment
    /// inputs with Verify and Return while the filing waits; the decision once made); for anyone else the record with the
    /// decision on its current filing; for its manager, while it is not verified, a Delete button.
    /// </summary>
    public static AdaptiveCard ForViewer(RecordCardState state, Language language)
    {
        var record = state.View.Record;
        var card = Record(state.View, language, state.Notice);
        if (state.Team.IsReviewer(state.ViewerId))
        {
            if (state.Decided is not null)
            {
                card.Body.Add(ReviewCards.Decided(state.Decided, state.DeciderName, state.Team, language));
            }
            else if (record.Status == RecordStatus.Submitted)
            {
                card.Body.AddRange(ReviewCards.Inputs(record.CurrentRevision, state.Typed ?? [], state.Errors ?? [], language));
                card.Actions = ReviewCards.Decisions(VerifyVerb, ReturnVerb, "recordId", record.Id, record.CurrentRevision, state.View.ManagerName, language);
            }
        }
        else if (state.Decided is not null)
        {
            card.Body.Add(ReviewCards.Comment(state.Decided, state.DeciderName, language));
        }

        if (state.ViewerId == record.ManagerId && !record.Locked)
        {
            card.Actions = [.. card.Actions ?? [], DeleteAction(record, confirm: false, language)];
        }

        return card;
    }

    /// <summary>One record: what it is, whose, its customers and files with their SHA-256, its status.</summary>
    public static AdaptiveCard Record(RecordView view, Language language, string? notice = null)
    {
        var record = view.Record;
        var title = Texts.Records.RecordTitleOf.Format(language, view.Kind, record.Title);
        var separator = language == Language.ZhCn ? "、" : ", ";
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" },
                new TextBlock(StatusText(record.Status, language) + " · " + Texts.Records.Revision.Format(language, record.CurrentRevision))
                {
                    Id = "status", Color = StatusColor(record.Status), Weight = TextWeight.Bolder,
                },
                new FactSet
                {
                    Id = "content",
                    Facts =
                    [
                        new Fact(Texts.Records.Manager.In(language), view.ManagerName),
                        new Fact(Texts.Records.Kind.In(language), view.Kind),
                        new Fact(Texts.Records.Period.In(language), view.Period),
                        new Fact(Texts.Records.Filed.In(language), view.FiledAt),
                    ],
                },
                // Not a fact: a long list of shops would squeeze the facts' labels to two characters a line on a phone.
                new TextBlock(Texts.Records.CustomersLine.Format(language, Texts.Records.Customers.In(language),
                    view.Customers.Count == 0 ? Texts.Records.None.In(language) : string.Join(separator, view.Customers))) { Id = "customers" },
                new TextBlock(Texts.Records.Files.In(language)) { Weight = TextWeight.Bolder, Separator = true, Id = "files-heading" },
            ],
        };
        if (notice is not null)
        {
            card.Body.Insert(1, new TextBlock(notice) { Id = "notice", Color = TextColor.Attention });
        }

        foreach (var file in record.Files.OrderBy(f => f.Id))
        {
            card.Body.Add(new TextBlock(Texts.Records.FileLine.Format(language, file.FileName, Kilobytes(file.SizeBytes), file.Sha256[..12])) { Id = "file-" + file.Id, Spacing = Spacing.Small });
        }

        return card;
    }

    /// <summary>The record's Delete button, for its manager while it is not verified: the first tap asks, the second (confirm) deletes.</summary>
    public static ExecuteAction DeleteAction(ManagerRecord record, bool confirm, Language language) => new()
    {
        Title = (confirm ? Texts.Records.DeleteForGood : Texts.Records.DeleteButton).In(language),
        Verb = DeleteVerb,
        Data = new JsonObject { ["verb"] = DeleteVerb, ["recordId"] = record.Id.ToString(), ["revision"] = record.CurrentRevision, ["confirm"] = confirm },
        Style = confirm ? ActionStyle.Destructive : null,
    };

    /// <summary>The record as it stands with the question: delete it for good, or keep it (back to the record).</summary>
    public static AdaptiveCard DeleteConfirm(RecordView view, Language language, string? notice = null)
    {
        var card = Record(view, language, notice);
        var title = Texts.Records.DeleteConfirmTitle.In(language);
        card.FallbackText = title;
        card.Body.Insert(0, new TextBlock(title) { Id = "confirm", Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Attention });
        ((TextBlock)card.Body.Single(e => e.Id == "title")).Size = TextSize.Medium;
        card.Body.Insert(1, new TextBlock(Texts.Records.DeleteConfirmNotice.Format(language, view.Record.Title, view.Record.Files.Count)) { Id = "confirm-notice" });
        card.Actions =
        [
            DeleteAction(view.Record, confirm: true, language),
            new ExecuteAction { Title = Texts.Records.KeepButton.In(language), Verb = ViewVerb, Data = new JsonObject { ["verb"] = ViewVerb, ["recordId"] = view.Record.Id.ToString() } },
        ];
        return card;
    }

    /// <summary>What replaces the record's card once it is deleted.</summary>
    public static AdaptiveCard Deleted(string recordTitle, int files, Language language)
    {
        var title = Texts.Records.DeletedTitle.In(language);
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" },
                new TextBlock(Texts.Records.Deleted.Format(language, recordTitle, files)) { Id = "deleted" },
            ],
            Actions = [new ExecuteAction { Title = Texts.Records.ListButton.In(language), Verb = ListVerb, Data = new JsonObject { ["verb"] = ListVerb } }],
        };
    }

    /// <summary>To a manager before a record is due: which, by when, and one tap to the form with kind and period filled in.</summary>
    public static AdaptiveCard Reminder(RecordKind kind, RecordPeriod period, string due, Language language)
    {
        var title = Texts.Records.ReminderTitle.Format(language, kind.Name(language), period.Name(language));
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" },
                new TextBlock(Texts.Records.ReminderNotice.Format(language, kind.Name(language), period.Name(language), due)) { Id = "notice", Color = TextColor.Attention },
            ],
            Actions =
            [
                new ExecuteAction
                {
                    Title = Texts.Records.FileItButton.In(language),
                    Verb = FormVerb,
                    Data = new JsonObject { ["verb"] = FormVerb, [KindInput] = kind.Id, [PeriodInput] = period.Key },
                    Style = ActionStyle.Positive,
                },
            ],
        };
    }

    /// <summary>To the lead (or the lead's manager): why this came, then each record still missing with whose.</summary>
    public static AdaptiveCard Missing(string why, IReadOnlyList<MissingRecord> missing, Language language)
    {
        var title = Texts.Records.MissingTitle.In(language);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" },
                new TextBlock(why) { Id = "why" },
            ],
        };
        var separator = language == Language.ZhCn ? "、" : ", ";
        foreach (var m in missing)
        {
            var key = m.Owed.Kind.Id + "." + m.Owed.Period.Key;
            card.Body.Add(new TextBlock(Texts.Records.MissingLine.Format(language, m.Owed.Kind.Name(language), m.Owed.Period.Name(language), CardDates.Long(m.Owed.Due, language)))
            {
                Id = "missing." + key, Weight = TextWeight.Bolder, Separator = true,
            });
            card.Body.Add(new TextBlock(string.Join(separator, m.Managers.Select(p => p.DisplayName))) { Id = "managers." + key, Spacing = Spacing.None });
        }

        return card;
    }

    public static string StatusText(RecordStatus status, Language language) => (status switch
    {
        RecordStatus.Verified => Texts.Records.StatusVerified,
        RecordStatus.Returned => Texts.Records.StatusReturned,
        _ => Texts.Records.StatusSubmitted,
    }).In(language);

    private static TextColor StatusColor(RecordStatus status) => status switch
    {
        RecordStatus.Verified => TextColor.Good,
        RecordStatus.Returned => TextColor.Warning,
        _ => TextColor.Default,
    };

    public static long Kilobytes(long bytes) => Math.Max(1, (bytes + 1023) / 1024);

    private static void AddError(AdaptiveCard card, Dictionary<string, string> errors, string key)
    {
        if (errors.TryGetValue(key, out var error))
        {
            card.Body.Add(new TextBlock(error) { Id = "error." + key, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }
}
