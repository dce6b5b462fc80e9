using System.Diagnostics;
using System.Globalization;
using System.Text;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Intake;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Benchmarks.Intake;

/// <summary>
/// Scores what <c>extract</c> proposed for each seed article (CSV files named by source code) against the seed's own
/// figures: recall (a candidate of the right value and unit whose quote covers the seed figure's number), false
/// candidates (proposed, matching no seed figure), and how often period, park and enterprise, qualifier and measure agree.
/// Then times the extractor on a 15,000-character report made of the articles, warm, in this process.
/// </summary>
internal static class IntakeBenchmark
{
    public static int Run(string[] args)
    {
        string Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1]
            : throw new ArgumentException($"intake needs {name}");
        var seed = SeedSet.Load(Option("--seed"), Option("--articles"));
        var candidatesDir = Option("--candidates");
        var markdown = Array.IndexOf(args, "--markdown") >= 0 ? Option("--markdown") : null;
        var measures = seed.Indicators.ToDictionary(i => i.Code, i => i.Measure);

        var rows = new List<Score>();
        var misses = new List<string>();
        foreach (var source in seed.Sources.Where(s => s.Text is not null))
        {
            var path = Path.Combine(candidatesDir, source.Code + ".csv");
            var text = source.Text!;
            var candidates = ReadCandidates(path).Select(c => c with { QuoteStart = text.IndexOf(c.Quote, StringComparison.Ordinal) }).ToList();
            var figures = seed.Observations.Where(o => o.Source == source.Code).ToList();
            var matchedCandidates = new HashSet<int>();
            var score = new Score(source.Code, figures.Count, candidates.Count);
            foreach (var figure in figures)
            {
                var place = text.IndexOf(figure.Quote, StringComparison.Ordinal) + NumberIndex(figure.Quote, figure.ReportedValueText);
                // Several figures may stand on one number (响应率、满意率、办结率达98.3%); a number printed twice in a clause
                // (5吉瓦切片、5吉瓦电池) is two candidates: an unmatched candidate is preferred.
                bool Fits(CandidateRow c) => Math.Abs(c.Value) == Math.Abs(figure.ReportedValue) && c.Unit == figure.Unit
                    && c.QuoteStart >= 0 && c.QuoteStart <= place && place < c.QuoteStart + c.Quote.Length;
                var match = Enumerable.Range(0, candidates.Count).Where(i => Fits(candidates[i])).OrderBy(i => matchedCandidates.Contains(i) ? 1 : 0).DefaultIfEmpty(-1).First();
                if (match < 0)
                {
                    misses.Add($"{source.Code}:{figure.Line}: missed {figure.ReportedValueText}{figure.Unit} in “{Flat(figure.Quote)}”");
                    continue;
                }
                matchedCandidates.Add(match);
                var c = candidates[match];
                score.Found++;
                Check(ref score.Period, c.Period == (EnumCode.Of(figure.PeriodKind), figure.Start, figure.End),
                    $"period {c.Period} ≠ {(EnumCode.Of(figure.PeriodKind), figure.Start, figure.End)}");
                Check(ref score.Subject, c.Park == figure.Park && c.Enterprise == figure.Subject, $"subject {c.Park}/{c.Enterprise} ≠ {figure.Park}/{figure.Subject}");
                Check(ref score.Qualifier, c.Qualifier == EnumCode.Of(figure.Qualifier), $"qualifier {c.Qualifier} ≠ {EnumCode.Of(figure.Qualifier)}");
                Check(ref score.Measure, c.Measure == EnumCode.Of(measures[figure.Indicator]), $"measure {c.Measure} ≠ {EnumCode.Of(measures[figure.Indicator])}");
                if (c.Indicator == figure.Indicator) score.Indicator++;

                void Check(ref int counter, bool right, string what)
                {
                    if (right) counter++;
                    else misses.Add($"{source.Code}:{figure.Line}: {what} in “{Flat(figure.Quote)}”");
                }
            }
            for (var i = 0; i < candidates.Count; i++)
                if (!matchedCandidates.Contains(i)) misses.Add($"{source.Code}: false candidate {candidates[i].ValueText}{candidates[i].Unit} in “{Flat(candidates[i].Quote)}”");
            score.False = candidates.Count - matchedCandidates.Count;
            rows.Add(score);
        }

        var total = rows.Aggregate(new Score("all", 0, 0), (a, b) => a.Add(b));
        var timing = Time(seed);
        var report = Report(rows, total, timing);
        Console.WriteLine(report);
        foreach (var miss in misses) Console.Error.WriteLine(miss);
        if (markdown is not null) File.WriteAllText(markdown, report, Encoding.UTF8);
        return 0;
    }

    private sealed record CandidateRow(string ValueText, decimal Value, string Unit, (string, DateOnly?, DateOnly?)? Period, string? Park,
        string? Enterprise, string Qualifier, string Measure, string Quote, int QuoteStart, string? Indicator);

    private sealed class Score(string source, int figures, int candidates)
    {
        public string Source = source;
        public int Figures = figures, Candidates = candidates, Found, False, Period, Subject, Qualifier, Measure, Indicator;

        public Score Add(Score o) => new("all", Figures + o.Figures, Candidates + o.Candidates)
        {
            Found = Found + o.Found, False = False + o.False, Period = Period + o.Period, Subject = Subject + o.Subject,
            Qualifier = Qualifier + o.Qualifier, Measure = Measure + o.Measure, Indicator = Indicator + o.Indicator,
        };
    }

    private static List<CandidateRow> ReadCandidates(string path)
    {
        var errors = new SeedErrors();
        var rows = SeedTable.Read(path, CandidateCsv.Columns, errors);
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        var source = rows.Count > 0 ? rows[0].Optional("source") : null;
        return [.. rows.Select(r =>
        {
            var kind = r.Optional("period_kind");
            DateOnly? Date(string field) => r.Optional(field) is { } d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : null;
            var valueText = r.Optional("value") ?? "0";
            var quote = r.Optional("quote") ?? "";
            return new CandidateRow(valueText.TrimStart('-'), decimal.Parse(valueText, CultureInfo.InvariantCulture), r.Optional("unit") ?? "",
                kind is null ? null : (kind, Date("period_start"), Date("period_end")), r.Optional("park"), r.Optional("subject"),
                r.Optional("qualifier") ?? "", r.Optional("measure") ?? "", quote, -1, r.Optional("indicator"));
        })];
    }

    private static string Flat(string s) => s.ReplaceLineEndings("").Replace("\u3000", "", StringComparison.Ordinal);

    private static int NumberIndex(string quote, string number)
    {
        var at = quote.IndexOf(number, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + number.Length;
            var joins = (at > 0 && (char.IsAsciiDigit(quote[at - 1]) || quote[at - 1] == '.'))
                || (end < quote.Length && (char.IsAsciiDigit(quote[end]) || (quote[end] == '.' && end + 1 < quote.Length && char.IsAsciiDigit(quote[end + 1]))));
            if (!joins) return at;
            at = quote.IndexOf(number, at + 1, StringComparison.Ordinal);
        }
        return Math.Max(0, quote.IndexOf(number, StringComparison.Ordinal));
    }

    /// <summary>The extractor on a 15,000-character report (the articles one after another), median of 21 warm runs.</summary>
    private static (int Characters, double Milliseconds) Time(SeedSet seed)
    {
        var text = new StringBuilder();
        while (text.Length < 15_000)
            foreach (var s in seed.Sources.Where(s => s.Text is not null)) text.Append(s.Text).Append('\n');
        var report = text.ToString()[..15_000];
        var extractor = new FigureExtractor(CatalogRows.From(seed));
        var dates = new ReportDates(new DateOnly(2025, 11, 30), new DateOnly(2025, 11, 30));
        extractor.Extract(report, dates);
        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var clock = Stopwatch.StartNew();
            extractor.Extract(report, dates);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (report.Length, times[times.Count / 2]);
    }

    private static string Report(List<Score> rows, Score total, (int Characters, double Milliseconds) timing)
    {
        static string Pct(int n, int d) => d == 0 ? "–" : (100.0 * n / d).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var md = new StringBuilder();
        md.AppendLine("| source | seed figures | candidates | recall | false candidates | period | park/enterprise | qualifier | measure | indicator of the catalog |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows.Append(total))
            md.AppendLine(CultureInfo.InvariantCulture, $"| {(r.Source == "all" ? "**all**" : "`" + r.Source + "`")} | {r.Figures} | {r.Candidates} | {Pct(r.Found, r.Figures)} | {Pct(r.False, r.Candidates)} | {Pct(r.Period, r.Found)} | {Pct(r.Subject, r.Found)} | {Pct(r.Qualifier, r.Found)} | {Pct(r.Measure, r.Found)} | {Pct(r.Indicator, r.Found)} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Extraction of a {timing.Characters}-character report (the articles one after another), warm, median of 21 runs: {timing.Milliseconds:0.0} ms (target < 200 ms).");
        return md.ToString();
    }
}
