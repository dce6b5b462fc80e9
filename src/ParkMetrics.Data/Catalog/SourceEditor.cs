using Microsoft.EntityFrameworkCore;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;
using static ParkMetrics.Data.Catalog.Bilingual;

namespace ParkMetrics.Data.Catalog;

/// <summary>A source as an admin registers or edits it; a blank code is generated, a blank as-of date is the publication date.</summary>
public sealed record SourceForm(int? Id, uint? Version, string? Code, SourceKind Kind, string? Title, string? Outlet, DateOnly? PublishedOn,
    DateOnly? AsOf, string? DateNote, string? Url, string? Text);

/// <summary>A source as the admin list shows it: without its text, with how many figures it holds.</summary>
/// <param name="FigureCount">Figures in every read (deleted ones not counted).</param>
/// <param name="CanDelete">No figure refers to it, not even a deleted one that could be restored.</param>
public sealed record SourceRecord(int Id, uint Version, string Code, SourceKind Kind, string Title, string? Outlet, DateOnly? PublishedOn,
    DateOnly AsOf, string? DateNote, string? Url, int TextLength, DateTimeOffset? RetiredAt, int FigureCount, bool CanDelete);

/// <summary>
/// Registers and edits the reports figures are taken from, with an audit entry per change. A source's text keeps every
/// quote of its figures standing verbatim; a source with figures is retired rather than deleted.
/// </summary>
public sealed class SourceEditor(IDbContextFactory<ParkMetricsDbContext> contexts, CatalogQueries catalog)
{
    public const int MaxTextLength = 2_000_000;

    private const int CodeLength = 64, TitleLength = 300, OutletLength = 100, DateNoteLength = 500, UrlLength = 2000;
    private const int FiguresNamed = 5;

    public async Task<IReadOnlyList<SourceRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Observations.IgnoreQueryFilters().GroupBy(o => o.SourceId)
            .Select(g => new { g.Key, All = g.Count(), Live = g.Count(o => o.DeletedAt == null) }).ToDictionaryAsync(c => c.Key, ct);
        var sources = await db.Sources.AsNoTracking().OrderByDescending(s => s.AsOf).ThenBy(s => s.Title)
            .Select(s => new { s.Id, s.Version, s.Code, s.Kind, s.Title, s.Outlet, s.PublishedOn, s.AsOf, s.DateNote, s.Url, TextLength = s.Text == null ? 0 : s.Text.Length, s.RetiredAt })
            .ToListAsync(ct);
        return [.. sources.Select(s => new SourceRecord(s.Id, s.Version, s.Code, s.Kind, s.Title, s.Outlet, s.PublishedOn, s.AsOf, s.DateNote, s.Url,
            s.TextLength, s.RetiredAt, counts.GetValueOrDefault(s.Id)?.Live ?? 0, !counts.ContainsKey(s.Id)))];
    }

    /// <summary>The source as its edit form starts, text included.</summary>
    public async Task<SourceForm?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Sources.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SourceForm(s.Id, s.Version, s.Code, s.Kind, s.Title, s.Outlet, s.PublishedOn, s.AsOf, s.DateNote, s.Url, s.Text))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<CatalogResult> SaveAsync(SourceForm form, string user, string? reason, CancellationToken ct = default)
    {
        var checks = new FormChecks();
        var code = checks.Code(FormField.Code, form.Code, CodeLength);
        if (!Enum.IsDefined(form.Kind)) checks.Fail(FormField.Kind, CatalogMessages.Choose(FormField.Kind));
        var title = checks.Required(FormField.Title, form.Title, TitleLength);
        var outlet = checks.Optional(FormField.Outlet, form.Outlet, OutletLength);
        checks.Date(FormField.PublishedOn, form.PublishedOn);
        checks.Date(FormField.AsOf, form.AsOf);
        var asOf = form.AsOf ?? form.PublishedOn;
        if (asOf is null) checks.Fail(FormField.AsOf, "请填写“数据截至日期”（或“刊发日期”）。", "Enter the date the figures are as of (or the publication date).");
        var dateNote = checks.Optional(FormField.DateNote, form.DateNote, DateNoteLength);
        var url = checks.Url(FormField.Url, form.Url, UrlLength);
        var text = checks.Text(FormField.Text, form.Text, MaxTextLength);
        reason = CatalogWrite.Reason(checks, reason);
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Source source;
        string? before = null;
        if (form.Id is { } id)
        {
            var existing = await db.Sources.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (existing is null) return CatalogResult.NotFound;
            if (existing.Version != form.Version) return CatalogResult.Conflict;
            CatalogWrite.ExpectVersion(db, existing, form.Version.Value);
            var hasFigures = await db.Observations.IgnoreQueryFilters().AnyAsync(o => o.SourceId == id, ct);
            if (code is not null && code != existing.Code && hasFigures) checks.Fail(FormField.Code, CatalogMessages.CodeFixed(existing.Code));
            if (hasFigures && await OrphanedQuotesAsync(db, id, existing.Text, text, ct) is { } orphaned) checks.Fail(FormField.Text, orphaned);
            before = CatalogAudit.Snapshot(existing);
            source = existing;
        }
        else
        {
            source = new Source { Code = "", Title = title };
            db.Sources.Add(source);
        }
        var codes = await db.Sources.Where(s => s.Id != source.Id).Select(s => s.Code).ToHashSetAsync(ct);
        if (code is not null && codes.Contains(code)) checks.Fail(FormField.Code, CatalogMessages.CodeTaken(code));
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);

        source.Code = code ?? (source.Code.Length > 0 ? source.Code : CodeGenerator.ForSource(form.Kind, form.PublishedOn, asOf, CodeLength, codes.Contains));
        (source.Kind, source.Title, source.Outlet, source.PublishedOn, source.AsOf) = (form.Kind, title, outlet, form.PublishedOn, asOf!.Value);
        (source.DateNote, source.Url, source.Text) = (dateNote, url, text);
        return await CatalogWrite.CommitAsync(db, transaction, () => Audit(source, before, user, reason), () => new(CatalogOutcome.Saved, source.Id, source.Code),
            CatalogMessages.Error(FormField.Code, CatalogMessages.CodeTaken(source.Code)), null, catalog, ct);
    }

    /// <summary>Retires a source: it keeps its figures but is no longer offered for new ones.</summary>
    public Task<CatalogResult> RetireAsync(int id, uint version, string user, string? reason, CancellationToken ct = default) =>
        SetRetiredAsync(id, version, retired: true, user, reason, ct);

    /// <summary>Offers a retired source for new figures again.</summary>
    public Task<CatalogResult> ReinstateAsync(int id, uint version, string user, string? reason, CancellationToken ct = default) =>
        SetRetiredAsync(id, version, retired: false, user, reason, ct);

    private async Task<CatalogResult> SetRetiredAsync(int id, uint version, bool retired, string user, string? reason, CancellationToken ct)
    {
        var checks = new FormChecks();
        reason = CatalogWrite.Reason(checks, reason);
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return CatalogResult.NotFound;
        if (source.Version != version) return CatalogResult.Conflict;
        if (source.RetiredAt is not null == retired) return new(CatalogOutcome.Saved, source.Id, source.Code);
        // The entry grid files every hand-typed figure under this source unless told otherwise: it must stay on offer.
        if (retired && source.Code == Editing.FigureEditor.StatisticsOfficeCode)
            return CatalogResult.Invalid(new FieldError("", Say($"“{source.Title}”是年度录入表的默认来源，不能停用。",
                $"'{source.Title}' is where the yearly entry grid files figures by default, so it cannot be retired.")));
        CatalogWrite.ExpectVersion(db, source, version);
        var before = CatalogAudit.Snapshot(source);
        source.RetiredAt = retired ? DateTimeOffset.UtcNow : null;
        return await CatalogWrite.CommitAsync(db, transaction,
            () => CatalogAudit.Entry(CatalogAudit.SourceType, source.Id, null, before, CatalogAudit.Snapshot(source), user, reason, retired ? AuditAction.Update : AuditAction.Restore),
            () => new(CatalogOutcome.Saved, source.Id, source.Code), null, null, catalog, ct);
    }

    /// <summary>Deletes a source no figure refers to (not even a deleted one); a source with figures can only be retired.</summary>
    public async Task<CatalogResult> DeleteAsync(int id, uint version, string user, string? reason, CancellationToken ct = default)
    {
        var checks = new FormChecks();
        reason = CatalogWrite.Reason(checks, reason);
        if (checks.Failed) return CatalogResult.Invalid(checks.Errors);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return CatalogResult.NotFound;
        if (source.Version != version) return CatalogResult.Conflict;
        var figures = await db.Observations.IgnoreQueryFilters().CountAsync(o => o.SourceId == id, ct);
        var inUse = new FieldError("", Say($"“{source.Title}”已有 {figures} 个数据（含已删除的），不能删除；可以停用。",
            $"'{source.Title}' has {figures} figures (deleted ones included) and cannot be deleted; retire it instead."));
        if (figures > 0) return CatalogResult.Invalid(inUse);
        CatalogWrite.ExpectVersion(db, source, version);
        var before = CatalogAudit.Snapshot(source);
        db.Sources.Remove(source);
        return await CatalogWrite.CommitAsync(db, transaction, () => CatalogAudit.Entry(CatalogAudit.SourceType, id, null, before, null, user, reason),
            () => new(CatalogOutcome.Saved, id, source.Code), null, inUse with { Message = Say("已有数据引用该来源，不能删除；可以停用。", "Figures now refer to this source; retire it instead.") }, catalog, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == CatalogAudit.SourceType && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    private static AuditEntry? Audit(Source source, string? before, string user, string? reason)
    {
        var after = CatalogAudit.Snapshot(source);
        return after == before ? null : CatalogAudit.Entry(CatalogAudit.SourceType, source.Id, null, before, after, user, reason);
    }

    /// <summary>
    /// Why the new text cannot replace the old one, naming the figures whose quotes would no longer stand in it; null
    /// when every quote still stands (or the source had no text and still has none).
    /// </summary>
    private static async Task<(string Zh, string En)?> OrphanedQuotesAsync(ParkMetricsDbContext db, int sourceId, string? oldText, string? newText, CancellationToken ct)
    {
        if (newText is null && oldText is null) return null;
        var quoted = await db.Observations.IgnoreQueryFilters().AsNoTracking().Where(o => o.SourceId == sourceId && o.Quote != "")
            .OrderBy(o => o.Id)
            .Select(o => new QuotedFigure(o.Park.NameZh, o.Park.NameEn, o.Enterprise == null ? null : o.Enterprise.Name, o.Indicator.NameZh, o.Indicator.NameEn,
                o.PeriodStart, o.PeriodEnd, o.Quote, o.DeletedAt != null))
            .ToListAsync(ct);
        var orphaned = quoted.Where(f => newText is null || !QuoteVerifier.StandsIn(f.Quote, newText)).ToList();
        if (orphaned.Count == 0) return null;
        var named = orphaned.Take(FiguresNamed).ToList();
        var more = orphaned.Count - named.Count;
        var zh = string.Join("；", named.Select(f => f.Zh)) + (more > 0 ? $"；等共 {orphaned.Count} 项" : "");
        var en = string.Join("; ", named.Select(f => f.En)) + (more > 0 ? $"; and {more} more" : "");
        return newText is null
            ? ($"该来源有 {quoted.Count} 个数据引自原文，不能清空“全文”。", $"{quoted.Count} figures quote this source, so the full text cannot be removed.")
            : ($"修改后的“全文”不再逐字包含以下数据的引文，未保存：{zh}。请保留这些原文，或先更正这些数据。",
               $"The new full text no longer holds these figures' quotes verbatim, so nothing was saved: {en}. Keep those passages, or correct the figures first.");
    }

    private sealed record QuotedFigure(string ParkZh, string ParkEn, string? Enterprise, string IndicatorZh, string IndicatorEn,
        DateOnly Start, DateOnly End, string Quote, bool Deleted)
    {
        private string Period => Start == End ? $"{Start:yyyy-MM-dd}" : $"{Start:yyyy-MM-dd}–{End:yyyy-MM-dd}";
        public string Zh => $"{Enterprise ?? ParkZh} {IndicatorZh}（{Period}{(Deleted ? "，已删除" : "")}）“{Quote}”";
        public string En => $"{Enterprise ?? ParkEn}, {IndicatorEn} ({Period}{(Deleted ? ", deleted" : "")}) “{Quote}”";
    }
}
