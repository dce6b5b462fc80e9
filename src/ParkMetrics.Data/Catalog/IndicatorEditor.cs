using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Data.Catalog;

/// <summary>An indicator as an admin registers or edits it; a blank code is generated from the English name.</summary>
public sealed record IndicatorForm(int? Id, uint? Version, string? Code, string? NameZh, string? NameEn, string? Category, string? UnitCode,
    MeasureKind Measure, Aggregation Aggregation, string? BaseCode, IReadOnlyList<string> Aliases);

public sealed record IndicatorRecord(int Id, uint Version, string Code, string NameZh, string NameEn, string Category, string UnitCode,
    MeasureKind Measure, Aggregation Aggregation, string? BaseCode, IReadOnlyList<string> Aliases, int FigureCount);

/// <summary>
/// Registers and edits indicators, with an audit entry per change. Figures are stored in their indicator's unit, so
/// once an indicator has figures its unit and its code stay as they are.
/// </summary>
public sealed class IndicatorEditor(IDbContextFactory<ParkMetricsDbContext> contexts, CatalogQueries catalog)
{
    private const int CodeLength = 80, NameZhLength = 100, NameEnLength = 200, CategoryLength = 32, AliasLength = 100;

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Observations.GroupBy(o => o.IndicatorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count, ct);
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Category).ThenBy(i => i.Code)
            .Select(i => new IndicatorRecord(i.Id, i.Version, i.Code, i.NameZh, i.NameEn, i.Category, i.UnitCode, i.Measure, i.Aggregation,
                i.BaseIndicator == null ? null : i.BaseIndicator.Code, i.Aliases, 0))
            .ToListAsync(ct);
        return [.. indicators.Select(i => i with { FigureCount = counts.GetValueOrDefault(i.Id) })];
    }

    public async Task<CatalogResult> SaveAsync(IndicatorForm form, string user, string? reason, CancellationToken ct = default)
    {
        var checks = new FormChecks();
        var code = checks.Code(FormField.Code, form.Code, CodeLength);
        var nameZh = checks.Required(FormField.NameZh, form.NameZh, NameZhLength);
        var nameEn = checks.Required(FormField.NameEn, form.NameEn, NameEnLength);
        var category = checks.RequiredCode(FormField.Category, form.Category, CategoryLength);
        var unitCode = checks.Required(FormField.Unit, form.UnitCode, 16);
        if (!Enum.IsDefined(form.Measure)) checks.Fail(FormField.Measure, CatalogMessages.Choose(FormField.Measure));
        if (!Enum.IsDefined(form.Aggregation)) checks.Fail(FormField.Aggregation, CatalogMessages.Choose(FormField.Aggregation));
        var baseCode = string.IsNullOrWhiteSpace(form.BaseCode) ? null : form.BaseCode.Trim();
        var aliases = checks.List(FormField.Aliases, form.Aliases, AliasLength);
        reason = CatalogWrite.Reason(checks, reason);
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null) checks.Fail(FormField.Unit, CatalogMessages.Unknown(FormField.Unit, unitCode));
        Indicator indicator;
        string? before = null;
        if (form.Id is { } id)
        {
            var existing = await db.Indicators.Include(i => i.BaseIndicator).SingleOrDefaultAsync(i => i.Id == id, ct);
            if (existing is null) return CatalogResult.NotFound;
            if (existing.Version != form.Version) return CatalogResult.Conflict;
            CatalogWrite.ExpectVersion(db, existing, form.Version.Value);
            var hasFigures = await db.Observations.IgnoreQueryFilters().AnyAsync(o => o.IndicatorId == id, ct);
            if (hasFigures && code is not null && code != existing.Code) checks.Fail(FormField.Code, CatalogMessages.CodeFixed(existing.Code));
            if (hasFigures && unitCode != existing.UnitCode)
                checks.Fail(FormField.Unit, $"该指标已有数据，均以“{existing.UnitCode}”保存，单位不能再改。",
                    $"This indicator's figures are stored in '{existing.UnitCode}', so its unit cannot change.");
            before = CatalogAudit.Snapshot(existing);
            indicator = existing;
        }
        else
        {
            indicator = new Indicator { Code = "", NameZh = nameZh, NameEn = nameEn, Category = category, UnitCode = unitCode };
            db.Indicators.Add(indicator);
        }
        var codes = await db.Indicators.Where(i => i.Id != indicator.Id).Select(i => i.Code).ToHashSetAsync(ct);
        if (code is not null && codes.Contains(code)) checks.Fail(FormField.Code, CatalogMessages.CodeTaken(code));
        var baseIndicator = baseCode is null ? null : await db.Indicators.SingleOrDefaultAsync(i => i.Code == baseCode, ct);
        if (baseCode is not null && baseIndicator is null) checks.Fail(FormField.BaseIndicator, CatalogMessages.Unknown(FormField.BaseIndicator, baseCode));
        else if (baseIndicator is not null && await ChainReachesAsync(db, baseIndicator, indicator, ct))
            checks.Fail(FormField.BaseIndicator, $"“{baseIndicator.NameZh}”以本指标为基数，不能再作为本指标的基数。",
                $"'{baseIndicator.NameEn}' is itself a rate or share of this indicator and cannot be its base.");
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        indicator.Code = code ?? (indicator.Code.Length > 0 ? indicator.Code : CodeGenerator.FromName(nameEn, CodeLength, codes.Contains, "indicator"));
        (indicator.NameZh, indicator.NameEn, indicator.Category, indicator.Unit) = (nameZh, nameEn, category, unit!);
        (indicator.Measure, indicator.Aggregation, indicator.BaseIndicator, indicator.Aliases) = (form.Measure, form.Aggregation, baseIndicator, aliases);
        return await CatalogWrite.CommitAsync(db, transaction, () => Audit(indicator, before, user, reason), () => new(CatalogOutcome.Saved, indicator.Id, indicator.Code),
            CatalogMessages.Error(FormField.Code, CatalogMessages.CodeTaken(indicator.Code)), null, catalog, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == CatalogAudit.IndicatorType && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    /// <summary>Whether following base indicators from <paramref name="start"/> reaches <paramref name="indicator"/> (a cycle).</summary>
    private static async Task<bool> ChainReachesAsync(ParkMetricsDbContext db, Indicator start, Indicator indicator, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        for (Indicator? i = start; i is not null && (i.Id == 0 || seen.Add(i.Id)); )
        {
            if (ReferenceEquals(i, indicator)) return true;
            i = i.BaseIndicatorId is { } next ? await db.Indicators.SingleOrDefaultAsync(x => x.Id == next, ct) : null;
        }
        return false;
    }

    private static AuditEntry? Audit(Indicator indicator, string? before, string user, string? reason)
    {
        var after = CatalogAudit.Snapshot(indicator);
        return after == before ? null : CatalogAudit.Entry(CatalogAudit.IndicatorType, indicator.Id, null, before, after, user, reason);
    }
}
