using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Catalog;

public sealed class SourceEditorTests(MigratedDatabase database) : CatalogTest(database), IClassFixture<MigratedDatabase>
{
    // Traditional characters, a hard-wrapped line, a blank line, Windows line ends and trailing spaces: all kept.
    private const string Report = "西寧經濟技術開發區2024年統計公報\r\n\r\n全年規模以上工業增加值\n增長8.1%。  \r\n\r\n工業投資125.8億元，增長18.7%。\r\n";

    private SourceEditor Editor => new(Contexts, Catalog);

    private static SourceForm NewReport(string? code = null, string? text = Report) =>
        new(null, null, code, SourceKind.StatisticalBulletin, "西寧經濟技術開發區2024年統計公報", "西宁经开区统计局", new DateOnly(2025, 3, 20),
            new DateOnly(2024, 12, 31), "年报", "https://example.org/bulletin-2024", text);

    [Fact]
    public async Task Save_NewReportWithoutCode_GeneratesCodeKeepsTextVerbatimAndAuditsIt()
    {
        var before = await Catalog.SourcesAsync(Ct); // cached: the save must be seen by the next read

        var result = await Editor.SaveAsync(NewReport(), Admin, "new bulletin", Ct);

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        Assert.Equal("bulletin-2025-03-20", result.Code);
        await using var db = Database.CreateContext();
        var stored = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == result.Id, Ct);
        Assert.Equal(Report, stored.Text);
        Assert.Equal((SourceKind.StatisticalBulletin, new DateOnly(2024, 12, 31), "https://example.org/bulletin-2024"), (stored.Kind, stored.AsOf, stored.Url));
        var entry = Assert.Single(await AuditAsync(CatalogAudit.SourceType));
        Assert.Equal((AuditAction.Insert, (long)stored.Id, Admin, "new bulletin"), (entry.Action, entry.EntityId, entry.UserName, entry.Reason));
        Assert.Null(entry.Before);
        Assert.Equal(Report, Field(entry.After, "text"));
        Assert.Contains(await Catalog.SourcesAsync(Ct), s => s.Id == stored.Id && s.Title == stored.Title);
        Assert.DoesNotContain(before, s => s.Id == stored.Id);
    }

    [Fact]
    public async Task Save_ThreeReportsOfOneKindAndDay_GetThreeCodes()
    {
        var codes = new List<string?>();
        for (var i = 0; i < 3; i++) codes.Add((await Editor.SaveAsync(NewReport(), Admin, null, Ct)).Code);

        Assert.Equal(["bulletin-2025-03-20", "bulletin-2025-03-20-2", "bulletin-2025-03-20-3"], codes);
    }

    [Fact]
    public async Task Save_CodeOfAnotherSource_IsRefusedNamingTheCodeField()
    {
        using var ui = new UICulture("en");

        var result = await Editor.SaveAsync(NewReport(code: "beichuan-2024"), Admin, null, Ct);

        Assert.Equal(CatalogOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("code", "The code 'beichuan-2024' is already taken."), (error.Field, error.Message));
    }

    [Fact]
    public async Task Save_FieldsBeyondTheirColumns_AreRefusedByNameInChinese()
    {
        using var ui = new UICulture("zh-CN");
        var form = NewReport() with { Title = new string('长', 301), Url = "example.org", Outlet = "人民\u0000日报", AsOf = null, PublishedOn = null, Code = "Bad Code" };

        var result = await Editor.SaveAsync(form, Admin, null, Ct);

        Assert.Equal(["code", "title", "outlet", "as_of", "url"], result.Errors.Select(e => e.Field));
        Assert.Equal("“标题”最多 300 个字符（现有 301 个）。", result.Errors[1].Message);
        Assert.Contains("“报刊”", result.Errors[2].Message, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.False(await db.Sources.AnyAsync(s => s.Url == "example.org", Ct));
    }

    [Fact]
    public async Task Save_TextThatDropsAFiguresQuote_IsRefusedNamingTheFigureAndKeepsTheText()
    {
        var (source, _) = await SourceWithFigureAsync("工業投資125.8億元");
        var form = (await Editor.FindAsync(source, Ct))!;
        using var ui = new UICulture("en");

        // Re-typed in simplified characters: the quote, in the report's traditional script, no longer stands in it.
        var result = await Editor.SaveAsync(form with { Text = Report.Replace("億元", "亿元", StringComparison.Ordinal) }, Admin, null, Ct);

        Assert.Equal(CatalogOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal("text", error.Field);
        Assert.Contains("Gross industrial output", error.Message, StringComparison.Ordinal);
        Assert.Contains("“工業投資125.8億元”", error.Message, StringComparison.Ordinal);
        Assert.Equal(Report, (await Editor.FindAsync(source, Ct))!.Text);
        Assert.DoesNotContain(await AuditAsync(CatalogAudit.SourceType), a => a.Action == AuditAction.Update);
    }

    [Fact]
    public async Task Save_TextThatKeepsEveryQuote_IsSavedWithBeforeAndAfter()
    {
        var (source, _) = await SourceWithFigureAsync("工業投資125.8億元");
        var form = (await Editor.FindAsync(source, Ct))!;
        var longer = Report + "\r\n（完）";

        var result = await Editor.SaveAsync(form with { Text = longer }, Admin, "full text", Ct);

        Assert.True(result.Saved);
        var update = (await AuditAsync(CatalogAudit.SourceType))[^1];
        Assert.Equal((AuditAction.Update, Report, longer), (update.Action, Field(update.Before, "text"), Field(update.After, "text")));
    }

    [Fact]
    public async Task Delete_SourceWithFigures_IsRefusedButRetiringKeepsItsFigures()
    {
        var (source, figure) = await SourceWithFigureAsync("工業投資125.8億元");
        var record = (await Editor.ListAsync(Ct)).Single(s => s.Id == source);
        Assert.False(record.CanDelete);

        var deleted = await Editor.DeleteAsync(source, record.Version, Admin, null, Ct);
        var retired = await Editor.RetireAsync(source, record.Version, Admin, "superseded by the final bulletin", Ct);

        Assert.Equal(CatalogOutcome.Invalid, deleted.Outcome);
        Assert.True(retired.Saved);
        await using var db = Database.CreateContext();
        Assert.NotNull((await db.Sources.SingleAsync(s => s.Id == source, Ct)).RetiredAt);
        Assert.True(await db.Observations.AnyAsync(o => o.Id == figure, Ct));
        Assert.NotNull((await Catalog.SourcesAsync(Ct)).Single(s => s.Id == source).RetiredAt);
        var retirement = (await AuditAsync(CatalogAudit.SourceType))[^1];
        Assert.Equal(("False", "True", "superseded by the final bulletin"), (Field(retirement.Before, "retired"), Field(retirement.After, "retired"), retirement.Reason));
    }

    [Fact]
    public async Task Retire_TheEntryGridsDefaultSource_IsRefused()
    {
        var saved = await Editor.SaveAsync(NewReport(code: ParkMetrics.Data.Editing.FigureEditor.StatisticsOfficeCode) with { Kind = SourceKind.StatisticsOfficeData }, Admin, null, Ct);
        var record = (await Editor.ListAsync(Ct)).Single(s => s.Id == saved.Id);

        var result = await Editor.RetireAsync(record.Id, record.Version, Admin, null, Ct);

        Assert.Equal(CatalogOutcome.Invalid, result.Outcome);
        Assert.Null((await Editor.ListAsync(Ct)).Single(s => s.Id == saved.Id).RetiredAt);
    }

    [Fact]
    public async Task Delete_SourceWithoutFigures_RemovesItAndAuditsTheDelete()
    {
        var saved = await Editor.SaveAsync(NewReport(), Admin, null, Ct);
        var record = (await Editor.ListAsync(Ct)).Single(s => s.Id == saved.Id);
        Assert.True(record.CanDelete);

        var result = await Editor.DeleteAsync(record.Id, record.Version, Admin, "registered twice", Ct);

        Assert.True(result.Saved);
        Assert.DoesNotContain(await Editor.ListAsync(Ct), s => s.Id == record.Id);
        var delete = (await AuditAsync(CatalogAudit.SourceType))[^1];
        Assert.Equal((AuditAction.Delete, (long)record.Id, (string?)null), (delete.Action, delete.EntityId, delete.After));
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_IsAConflictAndKeepsTheirChange()
    {
        var saved = await Editor.SaveAsync(NewReport(), Admin, null, Ct);
        var mine = (await Editor.FindAsync(saved.Id!.Value, Ct))!;
        var theirs = (await Editor.FindAsync(saved.Id!.Value, Ct))!;
        Assert.True((await Editor.SaveAsync(theirs with { Outlet = "青海日报" }, "other@example.org", null, Ct)).Saved);

        var result = await Editor.SaveAsync(mine with { Outlet = "西宁晚报" }, Admin, null, Ct);

        Assert.Equal(CatalogOutcome.Conflict, result.Outcome);
        Assert.Equal("青海日报", (await Editor.FindAsync(saved.Id!.Value, Ct))!.Outlet);
    }

    [Fact]
    public async Task Save_CodeOfASourceWithFigures_CannotChange()
    {
        var (source, _) = await SourceWithFigureAsync("工業投資125.8億元");
        var form = (await Editor.FindAsync(source, Ct))!;

        var result = await Editor.SaveAsync(form with { Code = "renamed" }, Admin, null, Ct);

        Assert.Equal("code", Assert.Single(result.Errors).Field);
    }

    /// <summary>The report registered through the editor, and one figure quoting it (as an upload would write it).</summary>
    private async Task<(int Source, long Figure)> SourceWithFigureAsync(string quote)
    {
        var saved = await Editor.SaveAsync(NewReport(), Admin, null, Ct);
        await using var db = Database.CreateContext();
        var figure = new Observation
        {
            Park = await db.Parks.SingleAsync(p => p.Code == "xetdz", Ct),
            Indicator = await db.Indicators.SingleAsync(i => i.Code == "industrial_output", Ct),
            PeriodKind = PeriodKind.Year, PeriodStart = new DateOnly(2024, 1, 1), PeriodEnd = new DateOnly(2024, 12, 31),
            Value = 1258000, ReportedValue = 125.8m, ReportedUnit = "亿元", SourceId = saved.Id!.Value, Quote = quote,
        };
        db.Observations.Add(figure);
        await db.SaveChangesAsync(Ct);
        return (saved.Id.Value, figure.Id);
    }
}
