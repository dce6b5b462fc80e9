namespace ParkMetrics.Web.Features.Figures;

/// <summary>The order indicator categories appear in: the economy first, then the means, then services.</summary>
public static class Categories
{
    public static readonly IReadOnlyList<string> Order =
        ["output", "investment", "fiscal", "trade", "enterprises", "projects", "innovation", "green", "energy", "capacity", "land", "finance", "services", "employment"];

    public static int Rank(string category) => Order.IndexOf(category) is var i and >= 0 ? i : Order.Count;

    private static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }
}
