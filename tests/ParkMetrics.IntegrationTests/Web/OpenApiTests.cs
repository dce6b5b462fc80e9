using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ParkMetrics.IntegrationTests.Export;

namespace ParkMetrics.IntegrationTests.Web;

/// <summary>/openapi/v1.json is a valid OpenAPI document that describes every public endpoint and every parameter it binds; /api shows it.</summary>
[Collection(nameof(SeededExport))]
public sealed class OpenApiTests(TestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<OpenApiDocument> DocumentAsync()
    {
        await using var stream = await app.Client.GetStreamAsync("/openapi/v1.json", Ct);
        var read = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), Ct);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        return read.Document!;
    }

    [Fact]
    public async Task OpenApi_Document_ReadsAndValidatesWithoutErrors()
    {
        var document = await DocumentAsync();

        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal("ParkMetrics API", document.Info.Title);
    }

    /// <summary>
    /// The public endpoints as the app maps them, not as the document says: routes under /api and /health that need no
    /// session, less the reference page's own (Scalar's); each with the query parameters its handler binds.
    /// </summary>
    private List<(string Route, string Method, List<string> Parameters)> PublicEndpoints()
    {
        var services = app.Services.GetRequiredService<IServiceProviderIsService>();
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && (route.StartsWith("/api/", StringComparison.Ordinal) || route == "/health"))
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null
                && e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly != typeof(Scalar.AspNetCore.ScalarOptions).Assembly)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (e.RoutePattern.RawText!, m,
                e.Metadata.GetMetadata<MethodInfo>() is { } handler ? QueryParameters(handler, services) : [])))];
    }

    private static List<string> QueryParameters(MethodInfo handler, IServiceProviderIsService services) => [.. handler.GetParameters().SelectMany(p =>
        p.GetCustomAttribute<AsParametersAttribute>() is not null
            ? p.ParameterType.GetProperties().Select(q => q.GetCustomAttribute<FromQueryAttribute>()?.Name ?? q.Name)
            : p.ParameterType == typeof(HttpContext) || p.ParameterType == typeof(CancellationToken) || services.IsService(p.ParameterType) ? [] : [p.Name!])];

    [Fact]
    public async Task OpenApi_Document_ListsEveryPublicEndpointWithEveryParameterDocumented()
    {
        var document = await DocumentAsync();
        var endpoints = PublicEndpoints();

        Assert.Equal(["/api/checks", "/api/checks.csv", "/api/observations", "/api/observations.csv", "/api/observations.xlsx", "/health"], endpoints.Select(e => e.Route).Order(StringComparer.Ordinal));
        foreach (var (route, method, parameters) in endpoints)
        {
            Assert.True(document.Paths.TryGetValue(route, out var path), $"{route} is in the document");
            var operation = path!.Operations![HttpMethod.Parse(method)];
            Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{route} has a summary");
            Assert.Equal(parameters.Order(StringComparer.Ordinal), (operation.Parameters ?? []).Select(p => p.Name!).Order(StringComparer.Ordinal));
            foreach (var parameter in operation.Parameters ?? [])
            {
                var name = $"{method} {route} {parameter.Name}";
                Assert.Equal(ParameterLocation.Query, parameter.In);
                Assert.True(parameter.Description is { Length: > 20 }, $"{name} says what it means");
                Assert.True(parameter.Example is not null, $"{name} has an example");
                var values = parameter.Schema?.Items ?? parameter.Schema;
                Assert.True(values?.Enum is { Count: > 0 } || values?.Pattern is not null || values?.Minimum is not null, $"{name} says what values it takes");
            }
            Assert.Contains("200", operation.Responses!.Keys);
        }
    }

    [Fact]
    public async Task OpenApi_Document_GivesAScriptWhatItNeeds()
    {
        var document = await DocumentAsync();

        var json = document.Paths["/api/observations"].Operations![HttpMethod.Get];
        string[] Allowed(string parameter)
        {
            var schema = json.Parameters!.Single(p => p.Name == parameter).Schema!;
            return [.. ((schema.Items ?? schema).Enum ?? []).Select(v => v.ToString())];
        }
        Assert.Contains("annual_average", Allowed("period_kind"));
        Assert.Contains("xetdz", Allowed("park"));
        Assert.Equal(["long", "wide"], Allowed("format"));
        Assert.Equal("10000", json.Parameters!.Single(p => p.Name == "limit").Schema!.Maximum);
        Assert.Contains("application/json", json.Responses!["200"].Content!.Keys);
        Assert.Contains("304", json.Responses.Keys);
        Assert.Contains("400", json.Responses.Keys);
        Assert.Contains("text/csv", document.Paths["/api/observations.csv"].Operations![HttpMethod.Get].Responses!["200"].Content!.Keys);
    }

    [Fact]
    public async Task ApiReference_Page_IsServedWithItsScriptFromTheApp()
    {
        var page = await app.Client.GetStringAsync("/api/", Ct);
        using var script = await app.Client.GetAsync("/api/scalar.js", Ct);

        Assert.Contains("scalar.js", page, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
