using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;

namespace ParkMetrics.IntegrationTests.Export;

/// <summary>
/// An exported workbook read back with MiniExcel, a reader of its own (SpreadCheetah, which writes it, does not read): each sheet's header and rows (numbers as
/// decimals, dates as DateOnly, empty cells as null), and each sheet's XML for what MiniExcel's reader does not show
/// (cell types, frozen panes, column widths).
/// </summary>
internal sealed class ReadWorkbook
{
    private static readonly XNamespace X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly byte[] bytes;

    public ReadWorkbook(byte[] bytes)
    {
        this.bytes = bytes;
        using var stream = new MemoryStream(bytes);
        SheetNames = MiniExcel.GetSheetNames(stream);
    }

    public IReadOnlyList<string> SheetNames { get; }

    public ReadSheet Sheet(string name)
    {
        using var stream = new MemoryStream(bytes);
        var index = SheetNames.ToList().IndexOf(name);
        Assert.True(index >= 0, $"the workbook has a sheet '{name}' ({string.Join(", ", SheetNames)})");
        var header = MiniExcel.Query(stream, useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().FirstOrDefault()?
            .Values.Select(v => v?.ToString() ?? "").ToList() ?? [];
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().Skip(1)
            .Select(r => r.Values.Select(Normalised).ToArray()).ToList();
        return new ReadSheet(header, rows, Xml(index + 1));
    }

    /// <summary>The worksheet part (sheets are numbered in the order written).</summary>
    private XDocument Xml(int sheet)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var part = zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open();
        return XDocument.Load(part);
    }

    private static object? Normalised(object? value) => value switch
    {
        double d => (decimal)d,
        DateTime t => DateOnly.FromDateTime(t),
        string s when s.Length == 0 => null,
        _ => value,
    };

    public sealed record ReadSheet(IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows, XDocument Xml)
    {
        public int Column(string name) => Header.ToList().IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name);

        public IEnumerable<XElement> Cells => Xml.Descendants(X + "c");

        public IEnumerable<XElement> Formulas => Xml.Descendants(X + "f");

        /// <summary>The frozen pane's split below the header, if any.</summary>
        public string? FrozenRows => Xml.Descendants(X + "pane").SingleOrDefault(p => (string?)p.Attribute("state") == "frozen")?.Attribute("ySplit")?.Value;

        public IReadOnlyDictionary<int, double> Widths => Xml.Descendants(X + "col")
            .ToDictionary(c => (int)c.Attribute("min")!, c => double.Parse(c.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>The raw type and text of the cells of a column (1-based) below the header, as written: a number's exact digits (a cell without a type is a number).</summary>
        public IEnumerable<(string? Type, string Text)> RawColumn(int column) => Xml.Descendants(X + "row").Skip(1)
            .Select(r => r.Elements(X + "c").ElementAtOrDefault(column - 1))
            .Where(c => c is not null)
            .Select<XElement?, (string? Type, string Text)>(c => ((string?)c!.Attribute("t") ?? "n", c.Element(X + "v")?.Value ?? ""));
    }
}
