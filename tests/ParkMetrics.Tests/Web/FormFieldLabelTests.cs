using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Web;

namespace ParkMetrics.Tests.Web;

/// <summary>The editors' messages name a field by the words its label shows: the two must not drift apart.</summary>
public sealed class FormFieldLabelTests : ComponentTest
{
    public static TheoryData<string> Fields => new(FormField.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Fields))]
    public void Label_InBothLanguages_IsTheResxLabelOfTheField(string name)
    {
        var field = FormField.All.Single(f => f.Name == name);
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        using (TestCulture.Use("zh-CN")) Assert.Equal(field.Zh, localizer["Field_" + name].Value);
        using (TestCulture.Use("en")) Assert.Equal(field.En, localizer["Field_" + name].Value);
    }
}
