namespace ParkMetrics.Data.Catalog;

/// <summary>Refusals every catalog editor gives, in both languages.</summary>
internal static class CatalogMessages
{
    public static (string Zh, string En) CodeTaken(string code) => ($"代码“{code}”已被使用。", $"The code '{code}' is already taken.");

    public static (string Zh, string En) CodeFixed(string code) =>
        ($"已有数据使用代码“{code}”，不能再改。", $"Figures already use the code '{code}', so it cannot change.");

    public static (string Zh, string En) Unknown(FormField field, string code) =>
        ($"“{field.Zh}”中的“{code}”不存在。", $"{field.En}: '{code}' does not exist.");

    public static (string Zh, string En) Choose(FormField field) => ($"请选择“{field.Zh}”。", $"Choose the {field.En.ToLowerInvariant()}.");

    public static FieldError Error(FormField field, (string Zh, string En) message) => new(field.Name, Bilingual.Say(message.Zh, message.En));
}
