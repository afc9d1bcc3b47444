using DiligenceBot.Conversations;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Organisation;
using DiligenceBot.Records;

namespace DiligenceBot.Files;

/// <summary>
/// A file sent in the 1:1 chat goes to the feature it is for: a CSV, an XLSX from an admin or a lead, or any file from
/// an admin or lead without a team is an import (customers, figures or evaluations, as its header says:
/// <see cref="ImportFileVerb"/>); anything else, or any file sent with the words "records" /
/// "资料", is kept for the sender's records.
/// </summary>
public sealed class ReceivedFileVerb(IServiceProvider services, DirectoryLookup directory) : IBotVerb
{
    private static readonly string[] RecordWords = ["records", "record", "资料"];

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var file = ChatFile.Of(request.Activity);
        var forRecords = RecordWords.Contains(UserText.Words(request.Activity.Text).ToLowerInvariant(), StringComparer.Ordinal);
        var lead = request.Person is { } person && (person.IsAdmin || (await directory.TeamsLedByAsync(person, cancellationToken)).Count > 0);
        // A CSV is always an import (records take no CSV); a lead's or admin's XLSX is an import, and so is any file of
        // a lead or admin who files no records (no team of their own), which keeps the import's own answers for them.
        var import = !forRecords && (file?.FileType == "csv" || (lead && (file?.FileType == "xlsx" || request.Person?.TeamId is null)));
        IBotVerb target = import ? services.GetRequiredService<ImportFileVerb>() : services.GetRequiredService<KeepRecordFileVerb>();
        return await target.HandleAsync(request, cancellationToken);
    }
}
