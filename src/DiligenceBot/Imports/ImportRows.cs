using System.Globalization;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Imports;

/// <summary>
/// The rows of an import file checked cell by cell, the same way for every kind: a formula is refused, text goes
/// through <see cref="UserText"/>, numbers through <see cref="UserNumber"/>, months as YYYY-MM, managers through
/// <see cref="ImportPeople"/>. Each problem is collected with its row and column; a kind stores nothing when any was found.
/// </summary>
public sealed class ImportRows(ImportRequest request, IReadOnlyList<ImportColumn> columns)
{
    private readonly List<ImportProblem> _problems = [];

    public IReadOnlyList<ImportProblem> Problems => _problems;

    public Language Language => request.Language;

    /// <summary>Each row of the file, to be checked.</summary>
    public IEnumerable<ImportRow> Each()
    {
        foreach (var (number, cells) in request.Sheet.Rows)
        {
            yield return new ImportRow(this, number, cells);
        }
    }

    public string Label(int column) => columns[column].Name.In(request.Language);

    internal void Add(int row, int column, string problem) => _problems.Add(new(row, Label(column), problem));

    internal int Count => _problems.Count;

    internal int Index(int column) => request.Map[column];

    internal bool IsFormula(int row, int column) => request.Map[column] >= 0 && request.Sheet.Formulas.Contains((row, request.Map[column]));

    internal bool IsOptional(int column) => columns[column].Optional;
}

/// <summary>One row being checked: each read returns the clean value, or null after noting the problem.</summary>
public sealed class ImportRow
{
    private readonly ImportRows _rows;
    private readonly string?[] _cells;
    private readonly int _before;

    internal ImportRow(ImportRows rows, int number, string?[] cells)
    {
        _rows = rows;
        _cells = cells;
        Number = number;
        _before = rows.Count;
    }

    /// <summary>The row number as the user sees it (1 = the header).</summary>
    public int Number { get; }

    /// <summary>True when no cell of this row had a problem.</summary>
    public bool IsClean => _rows.Count == _before;

    public void Problem(int column, string problem) => _rows.Add(Number, column, problem);

    private string? Cell(int column) => _rows.Index(column) is var i && i >= 0 && i < _cells.Length ? _cells[i] : null;

    /// <summary>The cell as typed, or null (a problem noted) when it holds a formula.</summary>
    private bool Readable(int column, out string? typed)
    {
        typed = Cell(column);
        if (_rows.IsFormula(Number, column))
        {
            Problem(column, Texts.Imports.ProblemFormula.In(_rows.Language));
            return false;
        }

        return true;
    }

    /// <summary>One line of text, required unless the column is optional (then an empty cell is null without a problem).</summary>
    public string? Text(int column, int maxLength, bool multiline = false)
    {
        if (!Readable(column, out var typed))
        {
            return null;
        }

        if (_rows.IsOptional(column) && UserText.IsBlank(typed))
        {
            return null;
        }

        var error = UserText.Check(typed, new TextRule(maxLength, Required: true, Multiline: multiline), _rows.Label(column), _rows.Language, out var clean);
        if (error is not null)
        {
            Problem(column, error);
        }

        return error is null ? clean : null;
    }

    /// <summary>A whole number from min to max, or null with <paramref name="problem"/> noted.</summary>
    public int? Whole(int column, int min, int max, string problem)
    {
        if (!Readable(column, out var typed))
        {
            return null;
        }

        if (UserNumber.TryParseWhole(typed, min, max, out var value))
        {
            return value;
        }

        Problem(column, problem);
        return null;
    }

    /// <summary>An amount from 0 to <paramref name="max"/> with at most two decimals (cases, yuan).</summary>
    public decimal? Amount(int column, decimal max)
    {
        if (!Readable(column, out var typed))
        {
            return null;
        }

        if (UserNumber.TryParse(typed, out var number) && number >= 0 && number <= (double)max && Math.Round(number, 2) == number)
        {
            return Math.Round((decimal)number, 2);
        }

        Problem(column, Texts.Imports.ProblemAmount.Format(_rows.Language, _rows.Label(column), max.ToString("#,0", CultureInfo.InvariantCulture)));
        return null;
    }

    /// <summary>A month written YYYY-MM (full-width digits allowed), no later than <paramref name="latest"/>; its first day.</summary>
    public DateOnly? Month(int column, DateOnly latest)
    {
        if (!Readable(column, out var typed))
        {
            return null;
        }

        var text = UserText.Narrow(UserText.Clean(typed));
        // A month typed into Excel may come back as a date (2026-11-01): its month is meant.
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Day == 1)
        {
            text = text[..7];
        }

        if (!RecordPeriod.TryParse(RecordPeriodKind.Monthly, text, out var period))
        {
            Problem(column, Texts.Imports.ProblemMonth.Format(_rows.Language, _rows.Label(column), RecordPeriod.Holding(RecordPeriodKind.Monthly, latest).Example));
            return null;
        }

        if (period.First > latest)
        {
            Problem(column, Texts.Imports.ProblemFutureMonth.Format(_rows.Language, period.Name(_rows.Language)));
            return null;
        }

        return period.First;
    }

    /// <summary>The account manager the cell names (email or directory id), one the importer may import for.</summary>
    public Person? Manager(int column, ImportPeople people)
    {
        var typed = Text(column, 256);
        if (typed is null)
        {
            return null;
        }

        if (people.Find(typed) is not { } manager)
        {
            Problem(column, Texts.Imports.ProblemUnknownManager.Format(_rows.Language, typed));
            return null;
        }

        if (!people.MayImportFor(manager))
        {
            Problem(column, Texts.Imports.ProblemNotYourTeam.Format(_rows.Language, typed));
            return null;
        }

        return manager;
    }
}

/// <summary>
/// The account managers an import may name: active people with a team in the importer's tenant, by email or directory
/// id; an admin imports for all of them, a lead only for the teams they lead.
/// </summary>
public sealed class ImportPeople
{
    private readonly Dictionary<string, Person> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>? _ledTeams;

    private ImportPeople(IEnumerable<Person> people, HashSet<string>? ledTeams)
    {
        foreach (var p in people)
        {
            _byKey.TryAdd(p.Id, p);
            if (!string.IsNullOrEmpty(p.Email))
            {
                _byKey.TryAdd(p.Email, p);
            }
        }

        _ledTeams = ledTeams;
    }

    public static async Task<ImportPeople> LoadAsync(DiligenceDbContext db, Person importer, CancellationToken cancellationToken)
    {
        var tenantId = importer.TenantId;
        var people = await db.People.AsNoTracking().Include(p => p.Team)
            .Where(p => p.TenantId == tenantId && p.LeftAt == null && p.TeamId != null)
            .ToListAsync(cancellationToken);
        HashSet<string>? ledTeams = null;
        if (!importer.IsAdmin)
        {
            ledTeams = (await db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId && t.LeadId == importer.Id).Select(t => t.Id).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
        }

        return new ImportPeople(people, ledTeams);
    }

    public Person? Find(string typed) => _byKey.GetValueOrDefault(typed);

    public bool MayImportFor(Person manager) => _ledTeams is null || _ledTeams.Contains(manager.TeamId!);
}
