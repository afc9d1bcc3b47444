using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;

namespace DiligenceBot.Imports;

/// <summary>The kinds of file an import reads.</summary>
public enum SheetFormat { Xlsx, Csv }

/// <summary>A file with more data rows than an import takes (found while its rows are read).</summary>
public sealed class TooManyRowsException(int maxRows) : Exception($"More than {maxRows} data rows")
{
    public int MaxRows { get; } = maxRows;
}

/// <summary>
/// A spreadsheet as rows of text cells (row numbers as the user sees them, 1 = the header), read with MiniExcel from
/// XLSX or CSV (UTF-8 with or without BOM, or GBK). Numbers become their plain invariant text (a licence number typed
/// as a number stays its digits).
/// The data rows are streamed from the file each time <see cref="Rows"/> is enumerated, never held together: a
/// register of 100,000 rows would otherwise keep 700,000 cells alive beside the typed rows an import makes of them.
/// Cells holding a formula are named so the import can refuse them (a formula's cached value is not what a person
/// sees when the sheet recalculates).
/// </summary>
public sealed class ImportSheet
{
    private readonly byte[] _content;
    private readonly SheetFormat _format;
    private readonly int _maxRows;

    private ImportSheet(byte[] content, SheetFormat format, int maxRows, IReadOnlyList<string?> header, IReadOnlySet<(int, int)> formulas, bool hasRows)
    {
        _content = content;
        _format = format;
        _maxRows = maxRows;
        Header = header;
        Formulas = formulas;
        HasRows = hasRows;
    }

    public IReadOnlyList<string?> Header { get; }

    /// <summary>Cells (row, zero-based column) holding a formula.</summary>
    public IReadOnlySet<(int Row, int Column)> Formulas { get; }

    /// <summary>True when the file has no row with anything in it (not even a header).</summary>
    public bool IsEmpty => Header.Count == 0;

    /// <summary>True when a row with something in it follows the header.</summary>
    public bool HasRows { get; }

    /// <summary>
    /// The data rows with something in them, read from the file as they are enumerated. Past the file's
    /// <c>maxRows</c>th data row it throws <see cref="TooManyRowsException"/> (so an import that stores only after
    /// checking every row stores nothing); <see cref="InvalidDataException"/> when the file turns out unreadable.
    /// </summary>
    public IEnumerable<(int Row, string?[] Cells)> Rows
    {
        get
        {
            var data = 0;
            foreach (var (number, cells) in Lines(_content, _format, skipHeader: true))
            {
                if (++data > _maxRows)
                {
                    throw new TooManyRowsException(_maxRows);
                }

                RowsRead = data;
                yield return (number, cells);
            }
        }
    }

    /// <summary>How many data rows the last enumeration of <see cref="Rows"/> read.</summary>
    public int RowsRead { get; private set; }

    /// <summary>Reads the header (and whether a data row follows); throws <see cref="InvalidDataException"/> when it is not a readable file of that format.</summary>
    public static ImportSheet Read(byte[] content, SheetFormat format, int maxRows)
    {
        var formulas = format == SheetFormat.Xlsx ? Guarded(format, () => FormulaCells(content)) : new HashSet<(int, int)>();
        if (format == SheetFormat.Csv)
        {
            content = Guarded(format, () => CsvAsUtf8(content));
        }

        string?[] header = [];
        var hasRows = false;
        foreach (var (number, cells) in Lines(content, format, skipHeader: false))
        {
            if (header.Length == 0)
            {
                header = cells;
                continue;
            }

            hasRows = true;
            break;
        }

        return new ImportSheet(content, format, maxRows, header, formulas, hasRows);
    }

    /// <summary>The rows with something in them; with <paramref name="skipHeader"/> the first such row (the header) is left out.</summary>
    private static IEnumerable<(int Row, string?[] Cells)> Lines(byte[] content, SheetFormat format, bool skipHeader)
    {
        using var stream = new MemoryStream(content, writable: false);
        // Rows come as IDictionary<string, object> typed dynamic: read as object, cast statically (no runtime binder per row).
        IEnumerable<object> query = MiniExcel.Query(stream, useHeaderRow: false, excelType: format == SheetFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV);
        using var rows = Guarded(format, query.GetEnumerator);
        var number = 0;
        var pool = new StringPool();
        var headerSeen = false;
        while (Guarded(format, rows.MoveNext))
        {
            number++;
            var row = (IDictionary<string, object?>)rows.Current;
            var cells = new string?[row.Count];
            var blank = true;
            var i = 0;
            foreach (var value in row.Values)
            {
                var text = pool.Share(Text(value));
                blank &= string.IsNullOrWhiteSpace(text);
                cells[i++] = text;
            }

            if (blank)
            {
                continue;
            }

            if (skipHeader && !headerSeen)
            {
                headerSeen = true;
                continue;
            }

            yield return (number, cells);
        }
    }

    /// <summary>Runs a step of reading the file; anything it throws but running out of memory means the file is not readable as <paramref name="format"/>.</summary>
    private static T Guarded<T>(SheetFormat format, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException("The file cannot be read as " + format, ex);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GB18030 (a superset of GBK, what Excel in Chinese saves "CSV" as), refusing bytes it does not define.</summary>
    private static readonly Encoding StrictGb18030 =
        CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>
    /// CSV text as UTF-8 without a byte order mark: UTF-8 (with or without the BOM Excel writes for "CSV UTF-8") as it
    /// is, else GBK/GB18030 (Excel's "CSV" on a Chinese Windows) converted; text that is neither is refused
    /// (<see cref="DecoderFallbackException"/>) rather than imported as mangled names.
    /// </summary>
    private static byte[] CsvAsUtf8(byte[] content)
    {
        var text = content.AsSpan();
        if (text.StartsWith(Encoding.UTF8.Preamble))
        {
            text = text[Encoding.UTF8.Preamble.Length..];
        }

        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return text.Length == content.Length ? content : text.ToArray();
        }

        return StrictUtf8.GetBytes(StrictGb18030.GetString(content));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The cells of the first worksheet that hold a formula (an &lt;f&gt; element inside &lt;c r="B7"&gt;).</summary>
    private static HashSet<(int, int)> FormulaCells(byte[] content)
    {
        var found = new HashSet<(int, int)>();
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidDataException("No worksheet");
        using var reader = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        string? cell = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "c")
            {
                cell = reader.GetAttribute("r");
            }
            else if (reader.LocalName == "f" && cell is not null && Parse(cell) is { } at)
            {
                found.Add(at);
            }
        }

        return found;
    }

    /// <summary>"B7" → (7, 1).</summary>
    private static (int, int)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
        }

        return i > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? (row, column - 1) : null;
    }

    /// <summary>Writes rows (the first is the header) to a one-sheet XLSX.</summary>
    public static byte[] WriteXlsx(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var table = rows.Select(r =>
        {
            var line = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                line[header[i]] = i < r.Count ? r[i] : null;
            }

            return line;
        }).ToList();
        if (table.Count == 0)
        {
            table.Add(header.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, printHeader: true, sheetName: "Sheet1", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
