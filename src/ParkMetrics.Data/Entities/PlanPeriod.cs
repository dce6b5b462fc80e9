namespace ParkMetrics.Data.Entities;

/// <summary>A national five-year plan (十三五, 十四五, 十五五).</summary>
public class PlanPeriod
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }

    public DateOnly Start => new(StartYear, 1, 1);
    public DateOnly End => new(EndYear, 12, 31);

    public static IReadOnlyList<PlanPeriod> All { get; } =
    [
        new() { Code = "fyp13", NameZh = "十三五", NameEn = "13th Five-Year Plan", StartYear = 2016, EndYear = 2020 },
        new() { Code = "fyp14", NameZh = "十四五", NameEn = "14th Five-Year Plan", StartYear = 2021, EndYear = 2025 },
        new() { Code = "fyp15", NameZh = "十五五", NameEn = "15th Five-Year Plan", StartYear = 2026, EndYear = 2030 },
    ];
}
