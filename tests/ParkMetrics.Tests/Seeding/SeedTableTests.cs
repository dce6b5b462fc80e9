using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Tests.Seeding;

public sealed class SeedTableTests
{
    private static readonly string[] Columns = ["code", "name"];

    [Fact]
    public void Rows_RowWithAnExtraField_IsRefusedNamingItsLine()
    {
        var errors = new SeedErrors();

        var rows = SeedTable.Rows(new StringReader("code,name\na,甲\nb,乙,丙\nc,丁\n"), "t.csv", Columns, errors).ToList();

        Assert.Equal(["a", "c"], rows.Select(r => r.Required("code")));
        var error = Assert.Single(errors);
        Assert.Equal(("t.csv", 3, "-"), (error.File, error.Line, error.Field));
        Assert.Contains("3", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_MoreErrorsThanTheLimit_StopAfterTheFirstThousandSayingHowManyRowsWereLeft()
    {
        var errors = new SeedErrors();
        var csv = "code,name\n" + string.Concat(Enumerable.Repeat(",x\n", 5000));

        var read = 0;
        foreach (var row in SeedTable.Rows(new StringReader(csv), "t.csv", Columns, errors))
        {
            row.Required("code");
            read++;
        }

        Assert.Equal(SeedErrors.Limit, read);
        Assert.Equal(SeedErrors.Limit + 1, errors.Count);
        Assert.Equal(1001, errors[^1].Line);
        Assert.Contains("4000", errors[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_SameFieldAndReasonTwice_IsReportedOnce()
    {
        var errors = new SeedErrors();
        var row = SeedTable.Rows(new StringReader("code,name\n,x\n"), "t.csv", Columns, errors).Single();

        row.Required("code");
        row.Required("code");

        Assert.Single(errors);
        Assert.Equal(1, row.ErrorCount);
    }

    [Fact]
    public void Rows_HalfAMillionBadRows_AreCheckedInLinearTime()
    {
        var errors = new SeedErrors();
        var csv = "code,name\n" + string.Concat(Enumerable.Repeat(",x\n", 500_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        foreach (var row in SeedTable.Rows(new StringReader(csv), "t.csv", Columns, errors)) row.Required("code");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(SeedErrors.Limit + 1, errors.Count);
    }
}
