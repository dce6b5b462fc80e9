using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Data.Catalog;

/// <summary>A unit as an admin registers or edits it; <paramref name="OriginalCode"/> is null for a new unit.</summary>
public sealed record UnitForm(string? OriginalCode, uint? Version, string? Code, string? Dimension, decimal? Factor, IReadOnlyList<string> Aliases);

/// <param name="FigureCount">Figures reported or stored in the unit (deleted ones not counted).</param>
/// <param name="IndicatorCount">Indicators whose figures are stored in the unit.</param>
/// <param name="Fixed">Figures (deleted ones too) are reported or stored in the unit: its dimension, factor and code can no longer change.</param>
public sealed record UnitRecord(string Code, uint Version, string Dimension, decimal Factor, IReadOnlyList<string> Aliases,
    int FigureCount, int IndicatorCount, bool Fixed);

/// <summary>
/// Registers and edits units (吉瓦时, 万套, 个百分点 …) with their traditional spellings as aliases, audited by code. Stored
/// values depend on a unit's factor, so once figures use a unit its dimension, factor and code stay as they are.
/// </summary>
public sealed class UnitEditor(IDbContextFactory<ParkMetricsDbContext> contexts, CatalogQueries catalog)
{
    private const int CodeLength = 16, DimensionLength = 32, AliasLength = 16;

    /// <summary>numeric(28, 10): 18 digits before the point, 10 after.</summary>
    private const decimal MaxFactor = 999_999_999_999_999_999m;

    public async Task<IReadOnlyList<UnitRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One pass over the figures: how many were reported in a unit and stored in another, deleted ones apart.
        var uses = await db.Observations.IgnoreQueryFilters().GroupBy(o => new { o.ReportedUnit, o.Indicator.UnitCode, Deleted = o.DeletedAt != null })
            .Select(g => new { g.Key.ReportedUnit, g.Key.UnitCode, g.Key.Deleted, Count = g.Count() }).ToListAsync(ct);
        var indicators = await db.Indicators.GroupBy(i => i.UnitCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count, ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Dimension).ThenBy(u => u.Factor).ThenBy(u => u.Code).ToListAsync(ct);
        return [.. units.Select(u =>
        {
            var used = uses.Where(x => x.ReportedUnit == u.Code || x.UnitCode == u.Code).ToList();
            return new UnitRecord(u.Code, u.Version, u.Dimension, u.Factor, u.Aliases, used.Where(x => !x.Deleted).Sum(x => x.Count),
                indicators.GetValueOrDefault(u.Code), used.Count > 0);
        })];
    }

    public async Task<CatalogResult> SaveAsync(UnitForm form, string user, string? reason, CancellationToken ct = default)
    {
        var checks = new FormChecks();
        var code = checks.Required(FormField.Code, form.Code, CodeLength);
        if (code.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '；' or '，' or '、'))
            checks.Fail(FormField.Code, "“代码”不能含空格或分隔符（；，、）。", "Code may not contain spaces or separators (; , 、).");
        var dimension = checks.RequiredCode(FormField.Dimension, form.Dimension, DimensionLength);
        var factor = form.Factor ?? 0;
        if (form.Factor is null) checks.Fail(FormField.Factor, "请填写“换算系数”。", "Factor is required.");
        else if (factor <= 0 || factor > MaxFactor || factor != Math.Round(factor, 10))
            checks.Fail(FormField.Factor, "“换算系数”应为正数，整数部分最多 18 位，小数最多 10 位。", "Factor must be positive, with at most 18 digits before the point and 10 after.");
        var aliases = checks.List(FormField.Aliases, form.Aliases, AliasLength);
        reason = CatalogWrite.Reason(checks, reason);
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var units = await db.Units.ToListAsync(ct);
        MeasurementUnit? existing = null;
        string? before = null;
        if (form.OriginalCode is { } original)
        {
            existing = units.SingleOrDefault(u => u.Code == original);
            if (existing is null) return CatalogResult.NotFound;
            if (existing.Version != form.Version) return CatalogResult.Conflict;
            CatalogWrite.ExpectVersion(db, existing, form.Version.Value);
            before = CatalogAudit.Snapshot(existing);
            var usedByFigures = await db.Observations.IgnoreQueryFilters().AnyAsync(o => o.ReportedUnit == original || o.Indicator.UnitCode == original, ct);
            if (usedByFigures && (dimension != existing.Dimension || factor != existing.Factor))
                checks.Fail(dimension != existing.Dimension ? FormField.Dimension : FormField.Factor,
                    $"已有数据使用单位“{original}”，其量纲和换算系数不能再改（仍为 {existing.Dimension}、{existing.Factor:0.##########}）。",
                    $"Figures already use the unit '{original}', so its dimension and factor cannot change (they stay {existing.Dimension}, {existing.Factor:0.##########}).");
            if (code != original && usedByFigures) checks.Fail(FormField.Code, CatalogMessages.CodeFixed(original));
            else if (code != original && await db.Indicators.AnyAsync(i => i.UnitCode == original, ct))
                checks.Fail(FormField.Code, $"已有指标使用单位“{original}”，其代码不能再改。", $"Indicators already use the unit '{original}', so its code cannot change.");
        }
        var others = units.Where(u => u != existing).ToList();
        if (others.Any(u => u.Code == code)) checks.Fail(FormField.Code, CatalogMessages.CodeTaken(code));
        else if (others.FirstOrDefault(u => u.Aliases.Contains(code)) is { } owner)
            checks.Fail(FormField.Code, $"“{code}”已是单位“{owner.Code}”的别名。", $"'{code}' is already an alias of the unit '{owner.Code}'.");
        foreach (var alias in aliases.Where(a => a != code))
            if (others.FirstOrDefault(u => u.Code == alias || u.Aliases.Contains(alias)) is { } taken)
                checks.Fail(FormField.Aliases, $"别名“{alias}”已属于单位“{taken.Code}”。", $"The alias '{alias}' already belongs to the unit '{taken.Code}'.");
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        // The code is the key: a new code (allowed only while nothing uses the unit) is a new row in place of the old.
        var unit = existing is not null && existing.Code == code ? existing : new MeasurementUnit { Code = code, Dimension = dimension };
        if (!ReferenceEquals(unit, existing))
        {
            if (existing is not null) db.Units.Remove(existing);
            db.Units.Add(unit);
        }
        (unit.Dimension, unit.Factor, unit.Aliases) = (dimension, factor, [.. aliases.Where(a => a != code)]);
        return await CatalogWrite.CommitAsync(db, transaction, () => Audit(unit, before, user, reason), () => new(CatalogOutcome.Saved, Code: unit.Code),
            CatalogMessages.Error(FormField.Code, CatalogMessages.CodeTaken(code)), null, catalog, ct);
    }

    /// <summary>The unit's history under its current code.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == CatalogAudit.UnitType && a.EntityKey == code)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    private static AuditEntry? Audit(MeasurementUnit unit, string? before, string user, string? reason)
    {
        var after = CatalogAudit.Snapshot(unit);
        return after == before ? null : CatalogAudit.Entry(CatalogAudit.UnitType, 0, unit.Code, before, after, user, reason);
    }
}
