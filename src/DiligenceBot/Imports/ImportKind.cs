using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Imports;

/// <summary>One thing wrong with an imported file: the row and column as the user sees them, and what to change.</summary>
public sealed record ImportProblem(int Row, string Column, string Problem);

/// <summary>
/// What an import did: the sentence saying what was stored; or every problem when nothing was stored; or why a file
/// without problems was still not stored (<see cref="Refusal"/>).
/// </summary>
public sealed record ImportOutcome(string? Done, IReadOnlyList<ImportProblem> Problems, string? Refusal = null)
{
    public bool Stored => Problems.Count == 0 && Refusal is null;

    public static ImportOutcome Failed(IReadOnlyList<ImportProblem> problems) => new(null, problems);

    public static ImportOutcome Refused(string refusal) => new(null, [], refusal);
}

/// <summary>A column of an import file: its name in both languages (the header may use either), and whether a cell may be left empty.</summary>
public sealed record ImportColumn(Text Name, bool Optional = false);

/// <summary>What one import is asked to do: by whom, the file read, where each column is, in which language to answer.</summary>
public sealed record ImportRequest(Person Importer, string FileName, ImportSheet Sheet, int[] Map, Language Language, string? SourceActivityId);

/// <summary>
/// A kind of file the bot imports (customers, figures, customers' evaluations). The shared mechanism reads the file,
/// finds the kind from its header, checks cells through <see cref="ImportRows"/> and reports problems; a kind only
/// describes its columns, its template and how it checks and stores a row, all rows in one transaction or none.
/// </summary>
public abstract class ImportKind
{
    /// <summary>The word that names the kind after "template" / "模板" (customers / 客户).</summary>
    public abstract Text Word { get; }

    /// <summary>The command that offers the template ("customers template" / "客户模板").</summary>
    public abstract Text TemplateCommand { get; }

    public abstract Text TemplateFileName { get; }

    public abstract Text TemplateOffer { get; }

    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>One example row of the template, in the template's language.</summary>
    public abstract IReadOnlyList<object?> ExampleRow(Language language);

    /// <summary>Checks every row and stores them all, or nothing when any row has a problem.</summary>
    public abstract Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken);

    /// <summary>Where each column is in the header (-1 when absent), matched by either language's name, with or without its bracketed unit.</summary>
    public int[] MapHeader(IReadOnlyList<string?> header)
    {
        var map = new int[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            map[c] = -1;
            var name = Columns[c].Name;
            for (var i = 0; i < header.Count; i++)
            {
                var typed = UserText.Words(header[i]);
                if (typed.Equals(name.EnUs, StringComparison.OrdinalIgnoreCase) || typed == name.ZhCn
                    || typed.Equals(ShortName(name.EnUs), StringComparison.OrdinalIgnoreCase) || typed == ShortName(name.ZhCn))
                {
                    map[c] = i;
                    break;
                }
            }
        }

        return map;
    }

    /// <summary>The names of the required columns a header lacks, in the user's language.</summary>
    public IReadOnlyList<string> Missing(int[] map, Language language) =>
        [.. Columns.Where((c, i) => map[i] < 0 && !c.Optional).Select(c => c.Name.In(language))];

    // "Account manager (email)" is also accepted as "Account manager"; "客户经理（邮箱）" as "客户经理".
    private static string ShortName(string header) => header.Split(['(', '（'])[0].Trim();
}

/// <summary>The kinds the bot imports, in the order they are named to users; finds a file's kind from its header.</summary>
public sealed class ImportKinds(IEnumerable<ImportKind> kinds)
{
    public IReadOnlyList<ImportKind> All { get; } = [.. kinds];

    /// <summary>
    /// The kind whose required columns the header names (the one naming most columns when several do); else the kind
    /// whose columns it names most, at least two, with what it lacks; else null (the header is no kind's).
    /// </summary>
    public (ImportKind Kind, int[] Map)? Of(IReadOnlyList<string?> header)
    {
        var best = All.Select(k => (Kind: k, Map: k.MapHeader(header)))
            .Select(x => (x.Kind, x.Map, Found: x.Map.Count(i => i >= 0), Complete: !x.Kind.Columns.Where((c, i) => x.Map[i] < 0 && !c.Optional).Any()))
            .OrderByDescending(x => x.Complete).ThenByDescending(x => x.Found)
            .First();
        return best.Complete || best.Found >= 2 ? (best.Kind, best.Map) : null;
    }

    /// <summary>
    /// The kind the typed words name ("template figures", "业绩模板", "客户评价模板"), or null: in Chinese the name written
    /// last (客户评价 names evaluations, not customers); in English a word of at least six letters that starts the
    /// kind's word (customer, figure, evaluation).
    /// </summary>
    public ImportKind? Named(string words)
    {
        var zh = All.Where(k => words.Contains(k.Word.ZhCn, StringComparison.Ordinal))
            .OrderByDescending(k => words.LastIndexOf(k.Word.ZhCn, StringComparison.Ordinal)).FirstOrDefault();
        return zh ?? All.FirstOrDefault(k => words.Split(' ').Any(w => w.Length >= 6 && k.Word.EnUs.StartsWith(w, StringComparison.OrdinalIgnoreCase)));
    }
}
