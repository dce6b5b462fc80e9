using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Seeding;

namespace ParkMetrics.Tests.Seeding;

public sealed class PeriodShapeFitsTests
{
    [Theory]
    [InlineData("year", "2023-01-01", "2023-12-31", true)]
    [InlineData("year", "2023-01-01", "2023-06-30", false)]
    [InlineData("year", "2023-01-02", "2023-12-31", false)]
    [InlineData("year", "2022-01-01", "2023-12-31", false)]
    [InlineData("ytd_month", "2023-01-01", "2023-08-31", true)]
    [InlineData("ytd_month", "2023-01-01", "2023-01-31", true)]
    [InlineData("ytd_month", "2024-01-01", "2024-02-29", true)]
    [InlineData("ytd_month", "2023-01-01", "2023-02-28", true)]
    [InlineData("ytd_month", "2023-01-01", "2023-08-30", false)]
    [InlineData("ytd_month", "2023-02-01", "2023-08-31", false)]
    [InlineData("ytd_month", "2023-01-01", "2023-12-31", false)]
    [InlineData("ytd_month", "2022-01-01", "2023-08-31", false)]
    [InlineData("half_year", "2023-01-01", "2023-06-30", true)]
    [InlineData("half_year", "2023-07-01", "2023-12-31", true)]
    [InlineData("half_year", "2023-01-01", "2023-06-29", false)]
    [InlineData("half_year", "2023-04-01", "2023-09-30", false)]
    [InlineData("half_year", "2023-07-01", "2024-06-30", false)]
    [InlineData("quarter", "2023-04-01", "2023-06-30", true)]
    [InlineData("quarter", "2023-10-01", "2023-12-31", true)]
    [InlineData("quarter", "2023-01-01", "2023-03-31", true)]
    [InlineData("quarter", "2023-05-01", "2023-07-31", false)]
    [InlineData("quarter", "2023-04-01", "2023-06-29", false)]
    [InlineData("quarter", "2023-04-01", "2023-09-30", false)]
    [InlineData("plan_cumulative", "2016-01-01", "2020-12-31", true)]
    [InlineData("plan_cumulative", "2021-01-01", "2025-12-31", true)]
    [InlineData("plan_cumulative", "2026-01-01", "2030-12-31", true)]
    [InlineData("plan_cumulative", "2021-01-01", "2024-12-31", false)]
    [InlineData("plan_cumulative", "2022-01-01", "2026-12-31", false)]
    [InlineData("plan_to_date", "2021-01-01", "2024-02-01", true)]
    [InlineData("plan_to_date", "2021-01-01", "2025-12-31", true)]
    [InlineData("plan_to_date", "2016-01-01", "2021-06-30", false)] // a plan so far ends within the plan: every such figure belongs to one plan period
    [InlineData("plan_to_date", "2021-01-01", "2026-12-31", false)]
    [InlineData("plan_to_date", "2021-01-01", "2027-01-01", false)]
    [InlineData("plan_to_date", "2021-01-01", "2021-01-01", false)]
    [InlineData("plan_to_date", "2020-01-01", "2024-02-01", false)]
    [InlineData("point", "2025-11-30", "2025-11-30", true)]
    [InlineData("point", "2025-11-30", "2025-12-01", false)]
    [InlineData("target", "2025-01-01", "2025-12-31", true)]
    [InlineData("target", "2030-12-31", "2030-12-31", true)]
    public void PeriodShapeFits_KindAndDates_TellsWhetherTheyFit(string kind, string start, string end, bool fits) =>
        Assert.Equal(fits, SeedSet.PeriodShapeFits(EnumCode.Parse<PeriodKind>(kind), DateOnly.Parse(start, null), DateOnly.Parse(end, null)));
}
