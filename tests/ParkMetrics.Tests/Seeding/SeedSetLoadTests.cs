using System.Globalization;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Seeding;

public sealed class SeedSetLoadTests
{
    public static TheoryData<string, string> BadRowsInBothLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var kind in BadRows.Names)
                foreach (var culture in (string[])["zh-CN", "en-US"])
                    data.Add(kind, culture);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadRowsInBothLanguages))]
    public void Load_OneBadRow_ReportsExactlyThatErrorInTheUICulture(string kind, string culture)
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        var expected = BadRows.Apply(kind, seed);
        using var ui = new UICulture(culture);

        var e = Assert.Throws<SeedValidationException>(() => SeedSet.Load(seed.Path));

        var error = Assert.Single(e.Errors);
        Assert.Equal(new SeedError(expected.File, expected.Line, expected.Field, expected.Reason(ui.Culture)), error);
        Assert.Equal(expected.Format(ui.Culture), e.Message);
    }

    [Fact]
    public void Load_InvariantUICulture_ReportsInChinese()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        var expected = BadRows.Apply("unknown_park", seed);
        using var ui = new UICulture(CultureInfo.InvariantCulture);

        var e = Assert.Throws<SeedValidationException>(() => SeedSet.Load(seed.Path));

        Assert.Equal(expected.Zh, Assert.Single(e.Errors).Reason);
    }

    [Fact]
    public void Load_TwoBadRows_ReportsBothInFileOrder()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        var first = BadRows.Apply("unknown_source", seed);
        var second = BadRows.Apply("bad_date", seed);
        using var ui = new UICulture("en-US");

        var e = Assert.Throws<SeedValidationException>(() => SeedSet.Load(seed.Path));

        Assert.Equal(
            [first.Format(ui.Culture), second.Format(ui.Culture)],
            e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void Load_IndicatorCodeWithATypo_NamesTheIntendedCodeFirst()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        BadRows.Apply("unknown_indicator", seed);
        using var ui = new UICulture("en-US");

        var e = Assert.Throws<SeedValidationException>(() => SeedSet.Load(seed.Path));

        Assert.StartsWith("unknown indicator 'industrial_ouput' (nearest: industrial_output, ", Assert.Single(e.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyValue_ReportsOneRequiredError()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        var line = seed.Append(BadRows.Observations, BadRows.Template(seed).With("value", ""));
        using var ui = new UICulture("en-US");

        var e = Assert.Throws<SeedValidationException>(() => SeedSet.Load(seed.Path));

        Assert.Equal(new SeedError(BadRows.Observations, line, "value", "is required"), Assert.Single(e.Errors));
    }

    [Fact]
    public void Load_RealSeed_HasNoErrorsAndAtLeast200Observations()
    {
        var seed = SeedSet.Load(RepositoryPaths.Seed);

        Assert.True(seed.Observations.Count >= 200, $"only {seed.Observations.Count} observations");
    }

    [Fact]
    public void Load_RealSeed_ReadsEveryRecordOfEveryFile()
    {
        int Records(string file) => Csv.ReadFile(Path.Combine(RepositoryPaths.Seed, file)).Records.Count;

        var seed = SeedSet.Load(RepositoryPaths.Seed);

        Assert.Equal(Records("parks.csv"), seed.Parks.Count);
        Assert.Equal(Records("units.csv"), seed.Units.Count);
        Assert.Equal(Records("sources.csv"), seed.Sources.Count);
        Assert.Equal(Records("indicators.csv"), seed.Indicators.Count);
        Assert.Equal(Records("enterprises.csv"), seed.Enterprises.Count);
        Assert.Equal(Records("observations.csv"), seed.Observations.Count);
        Assert.Equal(Records("relationships.csv"), seed.Relationships.Count);
    }

    [Fact]
    public void Load_RealSeed_StoresEveryValueInItsIndicatorsUnit()
    {
        var dir = RepositoryPaths.Seed;
        var factors = Csv.ReadFile(Path.Combine(dir, "units.csv")).Records
            .ToDictionary(u => u["code"], u => decimal.Parse(u["factor"], CultureInfo.InvariantCulture));
        var indicatorUnits = Csv.ReadFile(Path.Combine(dir, "indicators.csv")).Records.ToDictionary(i => i["code"], i => i["unit"]);

        var seed = SeedSet.Load(dir);

        Assert.All(seed.Observations, o =>
        {
            var reported = decimal.Parse(o.ReportedValueText, CultureInfo.InvariantCulture);
            Assert.Equal(reported, o.ReportedValue);
            Assert.Equal(reported * factors[o.Unit] / factors[indicatorUnits[o.Indicator]], o.Value);
        });
    }

    [Fact]
    public void Load_RealSeed_ParentsComeBeforeChildren()
    {
        var seed = SeedSet.Load(RepositoryPaths.Seed);

        var parks = seed.Parks.Select(p => p.Code).ToList();
        Assert.All(seed.Parks.Where(p => p.Parent is not null), p => Assert.True(parks.IndexOf(p.Parent!) < parks.IndexOf(p.Code)));
        var indicators = seed.Indicators.Select(i => i.Code).ToList();
        Assert.All(seed.Indicators.Where(i => i.Base is not null), i => Assert.True(indicators.IndexOf(i.Base!) < indicators.IndexOf(i.Code)));
    }
}
