using Bunit;
using ParkMetrics.Data.Entities;
using ParkMetrics.Web.Features.Admin;

namespace ParkMetrics.Tests.Web;

public sealed class HistoryListTests : ComponentTest
{
    [Theory]
    [MemberData(nameof(TestCulture.Both), MemberType = typeof(TestCulture))]
    public void Render_SourceEdited_ListsWhatChangedWithTheFormsLabels(string culture)
    {
        using var _ = TestCulture.Use(culture);
        const string before = """{"code": "news-2024-02-01", "kind": "news_article", "text": "一二三", "title": "旧标题", "retired": false, "publishedOn": "2024-02-01"}""";
        const string after = """{"code": "news-2024-02-01", "kind": "statistical_bulletin", "text": "一二三四五", "title": "旧标题", "retired": true, "publishedOn": "2024-02-01"}""";
        var entry = new AuditEntry { EntityType = "source", UserName = "admin@example.org", Action = AuditAction.Update, Before = before, After = after };

        var cut = Render<HistoryList>(p => p.Add(c => c.Entries, [entry]));

        string[] expected = culture == "en"
            ? ["Kind: news article → statistical bulletin", "Full text: 3 characters → 5 characters", "Status: In use → Retired"]
            : ["类型：新闻报道 → 统计公报", "全文：3 个字符 → 5 个字符", "状态：在用 → 已停用"];
        Assert.Equal(expected, cut.FindAll("[data-testid=catalog-changes] li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Trim(), @"\s+", " ").Replace("： ", "：")));
    }
}
