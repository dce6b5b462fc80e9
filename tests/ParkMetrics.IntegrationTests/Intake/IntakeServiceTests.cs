using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Intake;
using ParkMetrics.IntegrationTests.Catalog;
using ParkMetrics.IntegrationTests.Infrastructure;
using ParkMetrics.Web.Features.Intake;

namespace ParkMetrics.IntegrationTests.Intake;

/// <summary>The intake behind /admin/intake over the real seed: a report registered, read, reviewed and written.</summary>
public sealed class IntakeServiceTests(MigratedDatabase database) : CatalogTest(database), IClassFixture<MigratedDatabase>
{
    // A hard wrap inside a clause (the quote keeps it), a figure with no period, a repost's traditional characters.
    private const string Report = "2024年，甘河工業園區完成規上工業產值\n412.6億元，同比增長8.2%。\n\n園區主營業務收入398億元。";

    private IntakeService Intake => new(Contexts, new ObservationUpload(Contexts, Database.Writer), new IndicatorEditor(Contexts, Catalog));

    private async Task<IntakeDraft> RegisterAndExtractAsync(string text = Report)
    {
        var saved = await new SourceEditor(Contexts, Catalog).SaveAsync(new SourceForm(null, null, null, SourceKind.StatisticalBulletin,
            "甘河工業園區2024年經濟運行", "西宁晚报", new DateOnly(2025, 2, 10), null, null, null, text), Admin, null, Ct);
        Assert.True(saved.Saved, string.Join("; ", saved.Errors));
        return (await Intake.ExtractAsync(saved.Id!.Value, Ct))!;
    }

    private async Task<List<Observation>> FiguresAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Observations.Include(o => o.Indicator).Where(o => o.Source.Title == "甘河工業園區2024年經濟運行").OrderBy(o => o.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task WriteAsync_AcceptedRowsTwice_WritesThemOnceWithTheirQuotesAndAuditsTheIntake()
    {
        var draft = await RegisterAndExtractAsync();
        var output = draft.Rows.Single(r => r.Current.ValueText == "412.6");
        var revenue = draft.Rows.Single(r => r.Current.ValueText == "398");
        Assert.Equal(("甘河工業園區完成規上工業產值\n412.6億元", true), (output.Current.Quote, output.Accepted));
        Assert.False(revenue.Accepted); // 主营业务收入 is no indicator of the seed: it waits for a decision

        var preview = await Intake.WriteAsync(draft, apply: false, Admin, Ct);
        var first = await Intake.WriteAsync(draft, apply: true, Admin, Ct);
        var second = await Intake.WriteAsync(draft, apply: true, Admin, Ct);

        Assert.Equal((false, 2, 0), (preview.Applied, preview.Inserted, preview.Errors));
        Assert.Equal(["industrial_output_above_scale", "industrial_output_above_scale_growth"], preview.Rows.Select(r => r.Indicator).Order()); // for the checks' preview
        Assert.Empty(second.Rows); // unchanged rows add no findings
        Assert.Equal((true, 2, 0), (first.Applied, first.Inserted, first.Unchanged));
        Assert.Equal((0, 0, 2), (second.Inserted, second.Changed, second.Unchanged));
        var figures = await FiguresAsync();
        Assert.Equal(["industrial_output_above_scale", "industrial_output_above_scale_growth"], figures.Select(f => f.Indicator.Code));
        Assert.All(figures, f => Assert.Contains(f.Quote, Report, StringComparison.Ordinal));
        Assert.Equal((PeriodKind.Year, new DateOnly(2024, 1, 1), "亿元"), (figures[0].PeriodKind, figures[0].PeriodStart, figures[0].ReportedUnit));
        await using var db = Database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "observation" && a.UserName == Admin).ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("intake: 甘河工業園區2024年經濟運行", a.Reason));
    }

    [Fact]
    public async Task WriteAsync_NewIndicatorCreatedInline_TakesTheWaitingRowWithIt()
    {
        var draft = await RegisterAndExtractAsync();
        var revenue = draft.Rows.Single(r => r.Current.ValueText == "398");

        var created = await Intake.CreateIndicatorAsync(draft, new IndicatorForm(null, null, null, "主营业务收入", "Main business revenue", "output", "万元",
            MeasureKind.Level, Aggregation.Sum, null, []), Admin, Ct);
        revenue.IndicatorCode = created.Code;
        Assert.False(revenue.Accepted); // the text gives 398亿元 no period: that is still open
        Assert.Contains(CandidateNote.PeriodNotStated, revenue.Current.Notes);
        (revenue.PeriodKind, revenue.PeriodStart, revenue.PeriodEnd) = (PeriodKind.Year, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var result = await Intake.WriteAsync(draft, apply: true, Admin, Ct);

        Assert.True(revenue.Accepted);
        Assert.Equal((true, 3), (result.Applied, result.Inserted));
        Assert.Contains(draft.Choices.Indicators, i => i.Code == created.Code);
        Assert.Contains(await FiguresAsync(), f => f.Indicator.Code == "main_business_revenue" && f.Value == 3_980_000m);
    }

    [Fact]
    public async Task WriteAsync_RowEditedOutOfTheText_IsRefusedOnThatRowAndNothingIsWritten()
    {
        var draft = await RegisterAndExtractAsync();
        var growth = draft.Rows.Single(r => r.Current.ValueText == "8.2");
        var output = draft.Rows.Single(r => r.Current.ValueText == "412.6");
        growth.IndicatorCode = "no_such_indicator";
        output.ValueText = "421.6"; // no longer the number its quote prints
        using var ui = new UICulture("en");

        var result = await Intake.WriteAsync(draft, apply: true, Admin, Ct);

        Assert.False(result.Applied);
        Assert.Equal(2, result.Errors);
        Assert.StartsWith("indicator: unknown indicator 'no_such_indicator'", growth.Outcome, StringComparison.Ordinal);
        Assert.Equal("quote: quote does not contain the value '421.6'", output.Outcome);
        Assert.Empty(await FiguresAsync());
    }

    [Fact]
    public async Task SaveSource_BinaryText_IsRefusedNamingTheField()
    {
        var binary = string.Concat(Enumerable.Range(0, 200).Select(i => (char)(i % 32)));
        using var ui = new UICulture("en");

        var result = await new SourceEditor(Contexts, Catalog).SaveAsync(new SourceForm(null, null, null, SourceKind.Other, "A file that is no text", null,
            new DateOnly(2025, 1, 1), null, null, null, binary), Admin, null, Ct);

        Assert.Equal("text", Assert.Single(result.Errors).Field);
        await using var db = Database.CreateContext();
        Assert.False(await db.Sources.AnyAsync(s => s.Title == "A file that is no text", Ct));
    }
}
