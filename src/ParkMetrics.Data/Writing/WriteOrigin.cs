using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Data.Writing;

/// <summary>
/// Where a write comes from. A seed or a bulk import keeps a figure an admin entered, corrected or deleted; the other
/// origins are an admin's own acts and may change any figure. <see cref="Move"/>: an enterprise moved to another park
/// took its figures along.
/// </summary>
public enum WriteOrigin { Seed, Import, Upload, Api, Entry, Restore, Intake, Move }

/// <summary>What a write does to one row of its input.</summary>
public enum FigureAction { Insert, Change, Unchanged, Kept }

/// <param name="Existing">The stored figure with the row's natural key, deleted or not; null for an insert.</param>
public sealed record PlannedFigure(ObservationRow Row, FigureAction Action, Observation? Existing);

/// <summary>
/// The outcome of rows in the seed's columns: the problems that stop them (<c>file:line: field: reason</c>), else what
/// each row does. <see cref="Conflict"/>: another write got in between (a unique key or a row version), nothing was written.
/// </summary>
public sealed record RowsResult(IReadOnlyList<SeedError> Errors, IReadOnlyList<PlannedFigure> Figures, bool Applied, bool Conflict = false)
{
    public int Count(FigureAction action) => Figures.Count(f => f.Action == action);
}

/// <summary>How to write rows: who, from where, for what reason, and whether to apply them or only preview.</summary>
/// <param name="File">The file the rows come from, named in the audit's reason.</param>
/// <param name="Reason">The admin's words; for the intake, the source it reads (else the sources' titles are named).</param>
public sealed record RowsWrite(WriteOrigin Origin, string User, string? File, string? Reason, bool Apply);

/// <param name="Kept">Figures in the file an admin entered, corrected or deleted, which the import left as they are.</param>
public sealed record BulkImportResult(int Rows, int Inserted, int Changed, int Kept, TimeSpan Checking, TimeSpan Writing);

public sealed record RestoreResult(bool Restored, string? Problem = null);
