using DiligenceBot.Conversations;
using DiligenceBot.Files;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Imports;

/// <summary>
/// A file sent to the bot in the 1:1 chat to import, by an admin or a lead: its kind (customers, figures, customers'
/// evaluations) is found from its header. All or nothing: any bad row and nothing is stored; the user gets a card of
/// the problems and the full report as an XLSX (file consent card).
/// </summary>
public sealed class ImportFileVerb(ChatFiles files, ImportKinds kinds, DirectoryLookup directory, ILogger<ImportFileVerb> logger) : IBotVerb
{
    /// <summary>The largest file an import fetches (100,000 rows fit in far less).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The most data rows a file may have.</summary>
    public const int MaxRows = 100_000;

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (ChatFile.Of(request.Activity) is not { } file)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (request.Activity.Conversation?.ConversationType != "personal")
        {
            return BotAnswer.Refused(Texts.Imports.PersonalOnly.In(language));
        }

        if (request.Person is not { } person || (!person.IsAdmin && (await directory.TeamsLedByAsync(person, cancellationToken)).Count == 0))
        {
            return BotAnswer.Refused(Texts.Imports.OnlyLeads.In(language));
        }

        SheetFormat? format = file.FileType switch { "xlsx" => SheetFormat.Xlsx, "csv" => SheetFormat.Csv, _ => null };
        if (format is not { } sheetFormat)
        {
            return BotAnswer.Refused(Texts.Imports.WrongType.Format(language, file.FileType.Length > 0 ? file.FileType : file.Name));
        }

        var (content, failure) = await files.DownloadAsync(file.DownloadUrl, MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return BotAnswer.Refused(failure == DownloadFailure.TooBig
                ? Texts.Imports.TooBig.Format(language, MaxFileBytes / (1024 * 1024))
                : Texts.Imports.DownloadFailed.In(language));
        }

        ImportSheet sheet;
        try
        {
            sheet = ImportSheet.Read(content, sheetFormat, MaxRows);
        }
        catch (InvalidDataException)
        {
            return BotAnswer.Refused(Texts.Imports.Unreadable.Format(language, file.Name, sheetFormat == SheetFormat.Xlsx ? "XLSX" : "CSV"));
        }

        if (sheet.IsEmpty)
        {
            return BotAnswer.Refused(Texts.Imports.EmptyFile.Format(language, file.Name, TemplateCommands(language)));
        }

        if (kinds.Of(sheet.Header) is not var (kind, map))
        {
            return BotAnswer.Refused(Texts.Imports.UnknownHeader.Format(language, file.Name, TemplateCommands(language)));
        }

        if (kind.Missing(map, language) is { Count: > 0 } missing)
        {
            return BotAnswer.Refused(Texts.Imports.MissingColumns.Format(language, string.Join(language == Language.ZhCn ? "、" : ", ", missing), kind.TemplateCommand.In(language)));
        }

        if (!sheet.HasRows)
        {
            return BotAnswer.Refused(Texts.Imports.NoRows.In(language));
        }

        // The rows are read while the kind checks them: a file too long or unreadable further down is found then,
        // before anything is stored (every kind stores only after checking every row).
        ImportOutcome outcome;
        try
        {
            outcome = await kind.ImportAsync(new ImportRequest(person, file.Name, sheet, map, language, request.Activity.Id), cancellationToken);
        }
        catch (TooManyRowsException)
        {
            return BotAnswer.Refused(Texts.Imports.TooManyRows.Format(language, MaxRows));
        }
        catch (InvalidDataException)
        {
            return BotAnswer.Refused(Texts.Imports.Unreadable.Format(language, file.Name, sheetFormat == SheetFormat.Xlsx ? "XLSX" : "CSV"));
        }

        Log.FileImported(logger, kind.Word.EnUs, person.Id, sheet.RowsRead, outcome.Stored, outcome.Problems.Count);
        if (outcome.Done is { } done)
        {
            return BotAnswer.WithText(done);
        }

        if (outcome.Refusal is { } refusal)
        {
            return BotAnswer.Refused(refusal);
        }

        var report = await files.OfferAsync(person, Texts.Imports.ErrorsFileName.Format(language, kind.Word.In(language)) + ".xlsx", ImportCards.ProblemsXlsx(outcome.Problems, language),
            Texts.Imports.ErrorsOffer.In(language), cancellationToken);
        await request.Turn.SendAsync(report, cancellationToken);
        return BotAnswer.WithCard(ImportCards.ImportFailed(file.Name, outcome.Problems, language));
    }

    private string TemplateCommands(Language language) =>
        string.Join(language == Language.ZhCn ? "、" : ", ", kinds.All.Select(k => Texts.Imports.Command.Format(language, k.TemplateCommand.In(language))));
}

/// <summary>
/// "template figures" / "模板 业绩", "customers template" / "客户模板" and the like: a kind's import template, offered as
/// a file; "template" alone names the templates there are.
/// </summary>
public sealed class ImportTemplateVerb(ChatFiles files, ImportKinds kinds) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Imports.NotInDirectory.In(language));
        }

        if (request.Activity.Conversation?.ConversationType != "personal")
        {
            return BotAnswer.Refused(Texts.Imports.PersonalOnly.In(language));
        }

        // The words typed with the verb name the kind, before it ("客户模板") or after it ("template figures").
        if (kinds.Named(UserText.Words(request.Activity.Text)) is not { } kind)
        {
            return BotAnswer.WithText(Texts.Imports.Templates.Format(language,
                string.Join(language == Language.ZhCn ? "、" : ", ", kinds.All.Select(k => Texts.Imports.Command.Format(language, k.TemplateCommand.In(language))))));
        }

        var offer = await files.OfferAsync(person, kind.TemplateFileName.In(language) + ".xlsx", ImportCards.TemplateXlsx(kind, language), kind.TemplateOffer.In(language), cancellationToken);
        await request.Turn.SendAsync(offer, cancellationToken);
        return BotAnswer.WithText(kind.TemplateOffer.In(language));
    }
}
