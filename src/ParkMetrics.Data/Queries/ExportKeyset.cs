using System.Linq.Expressions;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Queries;

/// <summary>
/// A row's place in the export's order, the natural key's: park, enterprise (the park's own figures last), indicator,
/// period kind, start, end, source. JSON pages start after one.
/// </summary>
public sealed record ExportPosition(int ParkId, int? EnterpriseId, int IndicatorId, PeriodKind Kind, DateOnly Start, DateOnly End, int SourceId)
{
    public static ExportPosition Of(ExportRow r) => new(r.ParkId, r.EnterpriseId, r.IndicatorId, r.PeriodKind, r.Start, r.End, r.SourceId);
}

/// <summary>A series' place in the export's order: a subject's indicator in one period kind, the rows a wide export folds into one.</summary>
public sealed record SeriesPosition(int ParkId, int? EnterpriseId, int IndicatorId, PeriodKind Kind)
{
    public static SeriesPosition Of(ExportRow r) => new(r.ParkId, r.EnterpriseId, r.IndicatorId, r.PeriodKind);
}

/// <summary>
/// Keyset conditions on the natural key's order as PostgreSQL sorts it: a NULL enterprise after every enterprise, and
/// period kinds by their stored code (C collation). Each condition leads with the park so that the index scan starts there.
/// </summary>
internal static class ExportKeyset
{
    public static IQueryable<Observation> After(this IQueryable<Observation> query, ExportPosition p) =>
        query.Where(o => o.ParkId >= p.ParkId).Where(Lexicographic([.. SeriesTerms(p.ParkId, p.EnterpriseId, p.IndicatorId, p.Kind),
            new(o => o.PeriodStart > p.Start, o => o.PeriodStart == p.Start),
            new(o => o.PeriodEnd > p.End, o => o.PeriodEnd == p.End),
            new(o => o.SourceId > p.SourceId, o => o.SourceId == p.SourceId)], negate: false));

    public static IQueryable<Observation> After(this IQueryable<Observation> query, SeriesPosition p) =>
        query.Where(o => o.ParkId >= p.ParkId).Where(Lexicographic([.. SeriesTerms(p.ParkId, p.EnterpriseId, p.IndicatorId, p.Kind)], negate: false));

    public static IQueryable<Observation> Through(this IQueryable<Observation> query, SeriesPosition p) =>
        query.Where(o => o.ParkId <= p.ParkId).Where(Lexicographic([.. SeriesTerms(p.ParkId, p.EnterpriseId, p.IndicatorId, p.Kind)], negate: true));

    /// <summary>Rows strictly after the key column's value, and rows level with it.</summary>
    private sealed record Term(Expression<Func<Observation, bool>> After, Expression<Func<Observation, bool>> Level);

    private static IEnumerable<Term> SeriesTerms(int park, int? enterprise, int indicator, PeriodKind kind)
    {
        yield return new(o => o.ParkId > park, o => o.ParkId == park);
        yield return enterprise is { } e
            ? new(o => o.EnterpriseId == null || o.EnterpriseId > e, o => o.EnterpriseId == e)
            : new(o => false, o => o.EnterpriseId == null);
        yield return new(o => o.IndicatorId > indicator, o => o.IndicatorId == indicator);
        var code = EnumCode.Of(kind);
        var later = Enum.GetValues<PeriodKind>().Where(k => string.CompareOrdinal(EnumCode.Of(k), code) > 0).ToList();
        yield return new(o => later.Contains(o.PeriodKind), o => o.PeriodKind == kind);
    }

    /// <summary>t1.After || t1.Level &amp;&amp; (t2.After || t2.Level &amp;&amp; (…)), or its negation.</summary>
    private static Expression<Func<Observation, bool>> Lexicographic(IReadOnlyList<Term> terms, bool negate)
    {
        var o = Expression.Parameter(typeof(Observation), "o");
        Expression? condition = null;
        for (var i = terms.Count - 1; i >= 0; i--)
        {
            var after = Rebind(terms[i].After, o);
            condition = condition is null ? after : Expression.OrElse(after, Expression.AndAlso(Rebind(terms[i].Level, o), condition));
        }
        return Expression.Lambda<Func<Observation, bool>>(negate ? Expression.Not(condition!) : condition!, o);
    }

    private static Expression Rebind(Expression<Func<Observation, bool>> lambda, ParameterExpression o) =>
        new Rebinder(lambda.Parameters[0], o).Visit(lambda.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
