using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;

namespace DiligenceBot.Imports;

/// <summary>The kinds of file an import reads.</summary>
public enum SheetFormat { Xlsx, Csv }

/// <summary>
/// A spreadsheet as rows of text cells (row numbers as the user sees them, 1 = the header), read with MiniExcel from
/// XLSX or CSV (UTF-8 with or without BOM, or GBK). Numbers become their plain invariant text (a licence number typed
/// as a number stays its digits).
/// Cells holding a formula are named so the import can refuse them (a formula's cached value is not what a person
/// sees when the sheet recalculates).
/// </summary>
public sealed class ImportSheet
{
    public required IReadOnlyList<string?> Header { get; init; }
    public required IReadOnlyList<(int Row, string?[] Cells)> Rows { get; init; }
    /// <summary>Cells (row, zero-based column) holding a formula.</summary>
    public required IReadOnlySet<(int Row, int Column)> Formulas { get; init; }
    /// <summary>True when the file has no row with anything in it (not even a header).</summary>
    public bool IsEmpty => Header.Count == 0;
    /// <summary>True when the file has more data rows than <c>maxRows</c> (reading stopped there).</summary>
    public bool TooManyRows { get; init; }

    /// <summary>Reads the file; throws <see cref="InvalidDataException"/> when it is not a readable file of that format.</summary>
    public static ImportSheet Read(byte[] content, SheetFormat format, int maxRows)
    {
        try
        {
            var formulas = format == SheetFormat.Xlsx ? FormulaCells(content) : new HashSet<(int, int)>();
            using var stream = new MemoryStream(format == SheetFormat.Csv ? CsvAsUtf8(content) : content, writable: false);

            var rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: format == SheetFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV);
            IReadOnlyList<string?>? header = null;
            var data = new List<(int, string?[])>();
            var number = 0;
            var tooMany = false;
            var pool = new CellPool();
            foreach (IDictionary<string, object?> row in rows)
            {
                number++;
                var cells = row.Values.Select(v => pool.Share(Text(v))).ToArray();
                if (header is null)
                {
                    if (cells.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    header = cells;
                    continue;
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (data.Count == maxRows)
                {
                    tooMany = true;
                    break;
                }

                data.Add((number, cells));
            }

            return new ImportSheet { Header = header ?? [], Rows = data, Formulas = formulas, TooManyRows = tooMany };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException("The file cannot be read as " + format, ex);
        }
    }

    /// <summary>
    /// One string for each value that repeats down a column (district, tier, manager, visits), so 100,000 rows hold a
    /// handful of those rather than 100,000 copies: the first <see cref="Capacity"/> distinct short values are kept.
    /// </summary>
    private sealed class CellPool
    {
        private const int Capacity = 4096, MaxLength = 64;
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string? Share(string? value)
        {
            if (value is null || value.Length > MaxLength)
            {
                return value;
            }

            if (_values.TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (_values.Count < Capacity)
            {
                _values[value] = value;
            }

            return value;
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
