using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Entities;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Catalog;

/// <summary>Indicators, units and parks registered and corrected by an admin, over the real seed.</summary>
public sealed class CatalogEditorTests(MigratedDatabase database) : CatalogTest(database), IClassFixture<MigratedDatabase>
{
    private static IndicatorForm NewIndicator(string? code = null) => new(null, null, code, "主营业务收入", "Main business revenue", "output", "万元",
        MeasureKind.Level, Aggregation.Sum, null, ["主營業務收入", "主营收入"]);

    [Fact]
    public async Task SaveIndicator_WithoutCode_GeneratesOneFromTheEnglishNameAndAuditsIt()
    {
        var editor = new IndicatorEditor(Contexts, Catalog);
        await Catalog.IndicatorsAsync(Ct);

        var first = await editor.SaveAsync(NewIndicator(), Admin, "in the 2024 bulletin", Ct);
        var second = await editor.SaveAsync(NewIndicator() with { NameZh = "主营业务收入（重复）" }, Admin, null, Ct);

        Assert.Equal(("main_business_revenue", "main_business_revenue_2"), (first.Code, second.Code));
        Assert.Contains(await Catalog.IndicatorsAsync(Ct), i => i.Code == "main_business_revenue" && i.Unit == "万元");
        var entry = (await AuditAsync(CatalogAudit.IndicatorType))[0];
        Assert.Equal((AuditAction.Insert, (long)first.Id!.Value, "in the 2024 bulletin"), (entry.Action, entry.EntityId, entry.Reason));
        Assert.Equal("level", Field(entry.After, "measure"));
        Assert.Equal(["主營業務收入", "主营收入"], System.Text.Json.JsonSerializer.Deserialize<string[]>(Field(entry.After, "aliases")!)!);
    }

    [Fact]
    public async Task SaveIndicator_WithFigures_KeepsItsUnitAndCodeButTakesANewName()
    {
        var editor = new IndicatorEditor(Contexts, Catalog);
        var record = (await editor.ListAsync(Ct)).Single(i => i.Code == "industrial_output");
        var form = new IndicatorForm(record.Id, record.Version, "gross_output", record.NameZh, record.NameEn, record.Category, "亿元", record.Measure,
            record.Aggregation, record.BaseCode, record.Aliases);

        var refused = await editor.SaveAsync(form, Admin, null, Ct);
        var renamed = await editor.SaveAsync(form with { Code = record.Code, UnitCode = record.UnitCode, NameEn = "Gross industrial output value" }, Admin, null, Ct);

        Assert.Equal(["code", "unit"], refused.Errors.Select(e => e.Field));
        Assert.True(renamed.Saved);
        var update = Assert.Single(await AuditAsync(CatalogAudit.IndicatorType));
        Assert.Equal(("Gross industrial output", "Gross industrial output value"), (Field(update.Before, "nameEn"), Field(update.After, "nameEn")));
    }

    [Fact]
    public async Task SaveIndicator_BaseThatIsARateOfIt_IsRefused()
    {
        var editor = new IndicatorEditor(Contexts, Catalog);
        var level = (await editor.ListAsync(Ct)).Single(i => i.Code == "industrial_output");
        var form = new IndicatorForm(level.Id, level.Version, level.Code, level.NameZh, level.NameEn, level.Category, level.UnitCode, level.Measure,
            level.Aggregation, "industrial_output_growth", level.Aliases);

        var result = await editor.SaveAsync(form, Admin, null, Ct);

        Assert.Equal("base", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task SaveUnit_NewUnitWithTraditionalAlias_IsAuditedUnderItsCode()
    {
        var editor = new UnitEditor(Contexts, Catalog);

        var result = await editor.SaveAsync(new UnitForm(null, null, "万箱", "items", 10000, ["萬箱"]), Admin, null, Ct);

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        Assert.Contains(await editor.ListAsync(Ct), u => u.Code == "万箱" && u.Factor == 10000 && u.Aliases.SequenceEqual(["萬箱"]));
        var entry = Assert.Single(await AuditAsync(CatalogAudit.UnitType));
        Assert.Equal(("万箱", AuditAction.Insert), (entry.EntityKey, entry.Action));
        Assert.Single(await editor.HistoryAsync("万箱", Ct));
    }

    [Fact]
    public async Task SaveUnit_FactorOfAUnitWithFigures_CannotChangeButAliasesCan()
    {
        var editor = new UnitEditor(Contexts, Catalog);
        var unit = (await editor.ListAsync(Ct)).Single(u => u.Code == "亿元");
        Assert.True(unit.Fixed);
        var form = new UnitForm(unit.Code, unit.Version, unit.Code, unit.Dimension, 10001, unit.Aliases);

        var refused = await editor.SaveAsync(form, Admin, null, Ct);
        var aliased = await editor.SaveAsync(form with { Factor = unit.Factor, Aliases = [.. unit.Aliases, "亿"] }, Admin, "short form", Ct);

        Assert.Equal("factor", Assert.Single(refused.Errors).Field);
        Assert.True(aliased.Saved);
        Assert.Equal("亿元", Assert.Single(await AuditAsync(CatalogAudit.UnitType)).EntityKey);
    }

    [Fact]
    public async Task SaveUnit_AliasOfAnotherUnit_IsRefusedNamingThatUnit()
    {
        var editor = new UnitEditor(Contexts, Catalog);
        using var ui = new UICulture("en");

        var result = await editor.SaveAsync(new UnitForm(null, null, "亿", "money", 10000, ["億元"]), Admin, null, Ct);

        Assert.Equal(new FieldError("aliases", "The alias '億元' already belongs to the unit '亿元'."), Assert.Single(result.Errors));
    }

    [Fact]
    public async Task SaveUnit_RenamedWhileUnused_MovesToTheNewCode()
    {
        var editor = new UnitEditor(Contexts, Catalog);
        await editor.SaveAsync(new UnitForm(null, null, "万吨标准煤", "coal_equivalent", 10000, []), Admin, null, Ct);
        var unit = (await editor.ListAsync(Ct)).Single(u => u.Code == "万吨标准煤");

        var result = await editor.SaveAsync(new UnitForm(unit.Code, unit.Version, "万吨标煤", "coal_equivalent", 10000, ["万吨标准煤", "萬噸標煤"]), Admin, "as printed", Ct);

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        var units = await editor.ListAsync(Ct);
        Assert.DoesNotContain(units, u => u.Code == "万吨标准煤");
        Assert.Contains(units, u => u.Code == "万吨标煤" && u.Aliases.SequenceEqual(["万吨标准煤", "萬噸標煤"]));
    }

    [Fact]
    public async Task SavePark_NewParkInTheZone_GeneratesItsCodeAndAuditsIt()
    {
        var editor = new ParkEditor(Contexts, Catalog);
        await Catalog.ParksAsync(Ct);

        var result = await editor.SaveAsync(new ParkForm(null, null, null, "南川园区二期", "Nanchuan Park Phase II", ParkKind.Park, "xetdz", ["南川二期"]), Admin, null, Ct);

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        Assert.Equal("nanchuan_park_phase_ii", result.Code);
        Assert.Contains(await Catalog.ParksAsync(Ct), p => p.Code == result.Code && p.ParentCode == "xetdz");
        var entry = Assert.Single(await AuditAsync(CatalogAudit.ParkType));
        Assert.Equal(("xetdz", (long)result.Id!.Value), (Field(entry.After, "parent"), entry.EntityId));
    }

    [Fact]
    public async Task SavePark_ZoneUnderItsOwnPark_IsRefused()
    {
        var editor = new ParkEditor(Contexts, Catalog);
        var zone = (await editor.ListAsync(Ct)).Single(p => p.Code == "xetdz");

        var result = await editor.SaveAsync(new ParkForm(zone.Id, zone.Version, zone.Code, zone.NameZh, zone.NameEn, zone.Kind, "dongchuan", zone.Aliases), Admin, null, Ct);

        Assert.Equal("parent", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task SavePark_CodeOfAParkWithFigures_CannotChange()
    {
        var editor = new ParkEditor(Contexts, Catalog);
        var park = (await editor.ListAsync(Ct)).Single(p => p.Code == "dongchuan");

        var result = await editor.SaveAsync(new ParkForm(park.Id, park.Version, "dongchuan_park", park.NameZh, park.NameEn, park.Kind, park.ParentCode, park.Aliases), Admin, null, Ct);

        Assert.Equal(new FieldError("code", "已有数据使用代码“dongchuan”，不能再改。"), Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Upload_UnknownIndicatorAndPark_NameTheNearestValidCodes()
    {
        const string header = "park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote";
        var csv = $"{header}\ndongchaun,,industrial_ouput,year,2024-01-01,2024-12-31,400,亿元,exact,beichuan-2024,产值400亿元\n";
        using var ui = new UICulture("en");

        var result = await new ObservationUpload(Contexts, Database.Writer).ProcessAsync(Encoding.UTF8.GetBytes(csv), "typos.csv", apply: false, Admin, Ct);

        var reasons = result.Errors.Select(e => e.Reason).ToList();
        Assert.Contains(reasons, r => r.StartsWith("unknown park 'dongchaun' (nearest: dongchuan, ", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("unknown indicator 'industrial_ouput' (nearest: industrial_output, ", StringComparison.Ordinal));
    }
}
