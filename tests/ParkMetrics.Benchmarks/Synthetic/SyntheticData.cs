using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParkMetrics.Data;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.Benchmarks.Synthetic;

/// <param name="Parks">How many synthetic parks (codes synth-0001 …).</param>
/// <param name="Years">How many years of figures, ending with <see cref="SyntheticData.LastYear"/>.</param>
/// <param name="Observations">Exactly how many observations to write.</param>
/// <param name="Seed">The same seed writes the same figures.</param>
public sealed record SyntheticOptions(int Parks, int Years, int Observations, int Seed = 1);

public sealed record SyntheticResult(int Parks, int Enterprises, int Observations, int Replaced);

/// <summary>
/// A realistic, deterministic dataset for load tests, beside the seed: parks <c>synth-0001</c> … (合成园区0001 …) with
/// three enterprises each, and for every park and then every enterprise, indicator by indicator in catalog order, a
/// year series ending in 2025 (levels that grow, growth rates that agree with them, shares that drift), five-year-plan
/// totals (<c>plan_cumulative</c>) or average annual growth (<c>annual_average</c>, from the levels at both ends), some
/// January-to-month figures and some targets, all from one source “合成数据”. Writing
/// stops at exactly the number of observations asked for. It reuses the seeded indicators and units.
/// </summary>
/// <remarks>
/// Running it again first deletes everything synthetic (parks with the code prefix, their enterprises and figures, and
/// the source), in the same transaction as the new rows, so it can be repeated. Observations go in with binary COPY through
/// <see cref="ObservationCopy"/>, as the bulk import's do; being test data, they get no audit entries and the figure rules do
/// not apply (the synthetic source has no text).
/// </remarks>
public static class SyntheticData
{
    public const string ParkPrefix = "synth-";
    public const string SourceCode = "synthetic";
    public const string SourceTitle = "合成数据";
    public const int LastYear = 2025;
    public const int EnterprisesPerPark = 3;

    private static readonly string[] Sectors = ["新材料", "光伏制造", "锂电池", "生物医药", "有色冶金", "装备制造"];

    public static async Task<SyntheticResult> GenerateAsync(ParkMetricsDbContext db, SyntheticOptions options, CancellationToken ct = default)
    {
        if (options.Parks is < 1 or > 9999) throw new ArgumentException("--parks must be between 1 and 9999.");
        if (options.Years is < 1 or > 100) throw new ArgumentException("--years must be between 1 and 100.");
        if (options.Observations < 0) throw new ArgumentException("--observations must not be negative.");

        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct);
        if (indicators.Count == 0) throw new InvalidOperationException("The database has no indicators: load the seed first (ParkMetrics.Import seed).");
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var plans = await db.PlanPeriods.AsNoTracking().OrderBy(p => p.StartYear).ToListAsync(ct);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var replaced = await DeletePreviousAsync(db, ct);

            var source = new Source
            {
                Code = SourceCode, Kind = SourceKind.Other, Title = SourceTitle, Outlet = "ParkMetrics",
                AsOf = new DateOnly(LastYear, 12, 31), DateNote = "由 ParkMetrics.Benchmarks synth 生成的合成数据，仅供测试与性能评估，不是真实统计。",
            };
            var zoneId = await db.Parks.Where(p => p.Code == "xetdz").Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            var parks = Enumerable.Range(1, options.Parks).Select(i => new Park
            {
                Code = $"{ParkPrefix}{i:D4}", NameZh = $"合成园区{i:D4}", NameEn = $"Synthetic Park {i:D4}", Kind = ParkKind.Park,
                ParentId = i % 2 == 1 ? zoneId : null,
            }).ToList();
            var enterprises = parks.SelectMany((p, i) => Enumerable.Range(1, EnterprisesPerPark).Select(j => new Enterprise
            {
                Name = $"{p.NameZh}企业{j}", Park = p, Sector = Sectors[(i * EnterprisesPerPark + j) % Sectors.Length],
            })).ToList();
            db.Add(source);
            db.AddRange(parks);
            db.AddRange(enterprises);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var subjects = parks.Select(p => new Subject(p.Id, null, p.NameZh))
                .Concat(enterprises.Select(e => new Subject(e.ParkId, e.Id, e.Name)))
                .ToList();
            var generator = new Generator(options, indicators, units, plans, source.Id);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var rebuild = await DropForeignKeysAndSecondaryIndexesAsync(connection, ct);
            var written = await CopyAsync(connection, generator.Rows(subjects).Take(options.Observations), ct);
            await ExecuteAsync(connection, rebuild, ct);
            if (written < (ulong)options.Observations)
                throw new ArgumentException(
                    $"--observations {options.Observations} is more than {options.Parks} parks and {options.Years} years hold ({written}); ask for more parks or years.");

            // Fresh statistics, so that the planner knows the table grew by a million rows before the first query.
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "Observations", "Parks", "Enterprises", "Sources" """, ct);
            await tx.CommitAsync(ct);
            return new SyntheticResult(parks.Count, enterprises.Count, (int)written, replaced);
        });
    }

    /// <summary>Deletes every synthetic row: observations, enterprises and parks under the prefix, and the source.</summary>
    private static async Task<int> DeletePreviousAsync(ParkMetricsDbContext db, CancellationToken ct)
    {
        var replaced = await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM "Observations" o
            WHERE o."ParkId" IN (SELECT "Id" FROM "Parks" WHERE starts_with("Code", {0}))
               OR o."EnterpriseId" IN (SELECT e."Id" FROM "Enterprises" e JOIN "Parks" p ON p."Id" = e."ParkId" WHERE starts_with(p."Code", {0}))
               OR o."SourceId" IN (SELECT "Id" FROM "Sources" WHERE "Code" = {1})
            """, [ParkPrefix, SourceCode], ct);
        await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM "Enterprises" WHERE "ParkId" IN (SELECT "Id" FROM "Parks" WHERE starts_with("Code", {0}));
            DELETE FROM "Parks" WHERE starts_with("Code", {0});
            DELETE FROM "Sources" WHERE "Code" = {1};
            """, [ParkPrefix, SourceCode], ct);
        return replaced;
    }

    /// <summary>
    /// Checking five foreign keys and updating four secondary indexes row by row makes COPY three times slower than
    /// building the indexes and validating the keys once afterwards (27 s against 10 s for a million rows here). Drops them,
    /// inside the caller's transaction, and returns the statements that put them back exactly as they were. The unique
    /// natural key and the primary key stay, so every row is checked against them as it arrives. Until the transaction
    /// ends, the table is locked for readers too.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DropForeignKeysAndSecondaryIndexesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var restore = new List<string>();
        var drop = new List<string>();
        await using (var read = new NpgsqlCommand("""
            SELECT 'fk', conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = '"Observations"'::regclass AND contype = 'f'
            UNION ALL
            SELECT 'ix', c.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
            WHERE x.indrelid = '"Observations"'::regclass AND NOT x.indisunique AND NOT x.indisprimary
            """, connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (kind, name, definition) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                if (kind == "fk")
                {
                    drop.Add($"ALTER TABLE \"Observations\" DROP CONSTRAINT {quoted}");
                    restore.Add($"ALTER TABLE \"Observations\" ADD CONSTRAINT {quoted} {definition}");
                }
                else
                {
                    drop.Add($"DROP INDEX {quoted}");
                    restore.Add(definition);
                }
            }
        }
        await ExecuteAsync(connection, drop, ct);
        return restore;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<string> statements, CancellationToken ct)
    {
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<ulong> CopyAsync(NpgsqlConnection connection, IEnumerable<ObservationCopy.Row> rows, CancellationToken ct)
    {
        await using var copy = await ObservationCopy.BeginAsync(connection, "\"Observations\"", ct);
        foreach (var row in rows)
        {
            ObservationCopy.Write(copy, row);
            ct.ThrowIfCancellationRequested();
        }
        return await copy.CompleteAsync(ct);
    }

    private sealed record Subject(int ParkId, int? EnterpriseId, string Name);

    /// <summary>The figures, as a pure function of the seed, the subject's name and the indicator's code.</summary>
    private sealed class Generator(SyntheticOptions options, IReadOnlyList<Indicator> indicators, IReadOnlyDictionary<string, MeasurementUnit> units,
        IReadOnlyList<PlanPeriod> plans, int sourceId)
    {
        private readonly int firstYear = LastYear - options.Years + 1;
        private readonly Dictionary<int, Indicator> byId = indicators.ToDictionary(i => i.Id);

        /// <summary>Park-level series first (indicator by indicator, park by park), then the enterprises'.</summary>
        public IEnumerable<ObservationCopy.Row> Rows(IReadOnlyList<Subject> subjects)
        {
            foreach (var level in (bool[])[false, true])
                foreach (var indicator in indicators)
                    foreach (var subject in subjects.Where(s => (s.EnterpriseId is not null) == level))
                        foreach (var row in Series(subject, indicator))
                            yield return row;
        }

        private IEnumerable<ObservationCopy.Row> Series(Subject subject, Indicator indicator)
        {
            var rng = new Rng(options.Seed, subject.Name, indicator.Code);
            var years = Enumerable.Range(firstYear, options.Years).ToList();
            var scale = subject.EnterpriseId is null ? 1.0 : 0.15;

            if (indicator.Measure == MeasureKind.GrowthRate)
            {
                var levels = indicator.BaseIndicatorId is { } baseId && byId.TryGetValue(baseId, out var b) ? Levels(subject, b, scale) : null;
                var growth = levels is not null
                    ? GrowthOf(levels)
                    : years.ToDictionary(y => y, y => Round(new Rng(options.Seed, subject.Name, indicator.Code + y).Between(-8, 25), 1));
                foreach (var y in years)
                    yield return Make(subject, indicator, PeriodKind.Year, Year(y), growth[y], rng);
                foreach (var plan in CoveredPlans())
                {
                    // The plan's average annual growth (年均增长) is an average per year, never a total: its own period kind.
                    // With a level, it is what the levels at both ends give; without, the geometric mean of the yearly rates.
                    var n = plan.EndYear - plan.StartYear + 1;
                    var average = levels is not null
                        ? Round((Math.Pow((double)(levels[plan.EndYear] / levels[plan.StartYear - 1]), 1.0 / n) - 1) * 100, 1)
                        : Round((Math.Pow(Enumerable.Range(plan.StartYear, n).Aggregate(1.0, (p, y) => p * (1 + (double)growth[y] / 100)), 1.0 / n) - 1) * 100, 1);
                    yield return Make(subject, indicator, PeriodKind.AnnualAverage, (plan.Start, plan.End), average, rng);
                }
                yield break;
            }

            if (IsLevel(indicator))
            {
                var values = Levels(subject, indicator, scale);
                foreach (var y in years) yield return Make(subject, indicator, PeriodKind.Year, Year(y), values[y], rng);
                if (indicator.Aggregation == Aggregation.Sum)
                {
                    foreach (var plan in CoveredPlans())
                        yield return Make(subject, indicator, PeriodKind.PlanCumulative, (plan.Start, plan.End),
                            Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1).Sum(y => values[y]), rng);
                    if (rng.Chance(0.5))
                    {
                        var month = 3 + (int)(rng.Next() % 9);
                        var ytd = Significant((double)values[LastYear] * month / 12 * rng.Between(0.9, 1.1), 4, IsCount(indicator));
                        yield return Make(subject, indicator, PeriodKind.YtdMonth,
                            (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, month, DateTime.DaysInMonth(LastYear, month))), ytd, rng);
                    }
                }
                if (rng.Chance(0.3))
                    yield return Make(subject, indicator, PeriodKind.Target, Year(LastYear),
                        Significant((double)values[LastYear] * rng.Between(0.95, 1.15), 3, IsCount(indicator)), rng);
                if (rng.Chance(0.3))
                    yield return Make(subject, indicator, PeriodKind.Target, Year(LastYear + 5),
                        Significant((double)values[LastYear] * rng.Between(1.3, 1.8), 3, IsCount(indicator)), rng);
                yield break;
            }

            // Shares, rates, changes in points, multiples, durations, ranks: a value that drifts from year to year.
            var (low, high, decimals) = indicator.Measure switch
            {
                MeasureKind.Share or MeasureKind.Rate => (1.0, 99.0, 2),
                MeasureKind.ChangePp => (-6.0, 6.0, 1),
                MeasureKind.Multiple => (1.0, 6.0, 1),
                MeasureKind.Duration => (1.0, 30.0, 0),
                MeasureKind.Rank => (1.0, 100.0, 0),
                _ => (1.0, 100.0, 1),
            };
            var current = rng.Between(low, high);
            foreach (var y in years)
            {
                current = Math.Clamp(current + rng.Between(-(high - low) / 20, (high - low) / 20), low, high);
                yield return Make(subject, indicator, PeriodKind.Year, Year(y), Round(current, decimals), rng);
            }
        }

        private static bool IsLevel(Indicator i) => i.Measure is MeasureKind.Level or MeasureKind.Count or MeasureKind.Capacity or MeasureKind.Intensity;

        private static bool IsCount(Indicator i) => i.Measure == MeasureKind.Count;

        /// <summary>A level series from the year before the first (for the first year's growth) to 2025.</summary>
        private Dictionary<int, decimal> Levels(Subject subject, Indicator indicator, double scale)
        {
            var rng = new Rng(options.Seed, subject.Name, indicator.Code + "#level");
            var start = indicator.Measure == MeasureKind.Count
                ? rng.Between(5, 400)
                : indicator.UnitCode switch
                {
                    "万元" => Math.Pow(10, rng.Between(4, 6.5)),
                    "吨" or "平方米" => Math.Pow(10, rng.Between(3, 6)),
                    "兆瓦" => rng.Between(50, 5000),
                    "亩" => rng.Between(100, 20000),
                    "万元/亩" => rng.Between(50, 500),
                    _ => rng.Between(10, 1000),
                };
            var values = new Dictionary<int, decimal>();
            var value = start * scale;
            for (var y = firstYear - 1; y <= LastYear; y++)
            {
                value *= 1 + rng.Between(-0.05, 0.2);
                values[y] = Significant(Math.Max(value, 1), 4, indicator.Measure == MeasureKind.Count);
            }
            return values;
        }

        private Dictionary<int, decimal> GrowthOf(Dictionary<int, decimal> levels)
        {
            var growth = new Dictionary<int, decimal>();
            for (var y = firstYear; y <= LastYear; y++)
                growth[y] = Math.Round((levels[y] / levels[y - 1] - 1) * 100, 1, MidpointRounding.AwayFromZero);
            return growth;
        }

        private IEnumerable<PlanPeriod> CoveredPlans() => plans.Where(p => p.StartYear >= firstYear && p.EndYear <= LastYear);

        private static (DateOnly, DateOnly) Year(int y) => (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));

        private ObservationCopy.Row Make(Subject subject, Indicator indicator, PeriodKind kind, (DateOnly Start, DateOnly End) period, decimal value, Rng rng)
        {
            var (reported, unit) = Reported(value, indicator.UnitCode);
            var draw = rng.NextDouble();
            var qualifier = kind == PeriodKind.Target ? Qualifier.Exact
                : draw < 0.04 ? Qualifier.Approx : draw < 0.06 ? Qualifier.Over : Qualifier.Exact;
            var word = qualifier switch { Qualifier.Approx => "约", Qualifier.Over => "超", _ => "" };
            var plan = plans.FirstOrDefault(p => p.Start <= period.Start && period.End <= p.End);
            var when = kind switch
            {
                PeriodKind.Year => $"{period.Start.Year}年",
                PeriodKind.YtdMonth => $"{period.Start.Year}年1—{period.End.Month}月",
                PeriodKind.PlanCumulative => $"“{plan?.NameZh}”期间累计",
                PeriodKind.AnnualAverage => $"“{plan?.NameZh}”期间年均",
                _ => $"{period.End.Year}年目标",
            };
            var quote = $"{subject.Name}{when}{indicator.NameZh}{word}{Text(reported)}{unit}（合成数据）";
            return new ObservationCopy.Row(subject.ParkId, subject.EnterpriseId, indicator.Id, kind, period.Start, period.End, plan?.Id,
                value, reported, unit, qualifier, sourceId, quote);
        }

        /// <summary>Large money, mass and area figures are printed in 亿元, 万吨, 万平方米, as the papers do.</summary>
        private (decimal Value, string Unit) Reported(decimal value, string unitCode)
        {
            var unit = units[unitCode];
            if (Math.Abs(value) < 10000 || unit.Dimension is not ("money" or "mass" or "area")) return (value, unitCode);
            var larger = units.Values.FirstOrDefault(u => u.Dimension == unit.Dimension && u.Factor == unit.Factor * 10000);
            return larger is null ? (value, unitCode) : (UnitConversion.Convert(value, unit.Factor, larger.Factor), larger.Code);
        }

        private static string Text(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private static decimal Round(double value, int decimals) => Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>The value to <paramref name="digits"/> significant digits (whole numbers for counts), as figures are printed.</summary>
    private static decimal Significant(double value, int digits, bool whole)
    {
        if (value == 0) return 0;
        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var last = magnitude - digits + 1;
        if (whole && last < 0) last = 0;
        var d = (decimal)value;
        if (last >= 0)
        {
            var power = 1m;
            for (var i = 0; i < last; i++) power *= 10;
            return Math.Round(d / power, MidpointRounding.AwayFromZero) * power;
        }
        return Math.Round(d, -last, MidpointRounding.AwayFromZero);
    }

    /// <summary>SplitMix64 seeded from the run's seed and a name: the same on every machine and .NET version.</summary>
    private sealed class Rng
    {
        private ulong state;

        public Rng(int seed, string subject, string indicator)
        {
            var hash = 14695981039346656037UL; // FNV-1a
            foreach (var c in subject + "\u0001" + indicator)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            state = hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        }

        public ulong Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        public double Between(double low, double high) => low + (high - low) * NextDouble();

        public bool Chance(double probability) => NextDouble() < probability;
    }
}
