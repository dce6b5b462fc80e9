using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace ParkMetrics.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx (neutral: zh-CN; SharedResource.en.resx: English).</summary>
public sealed class SharedResource;
