using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ParkMetrics.Web.Features.Export;

namespace ParkMetrics.Web.Features.ApiReference;

/// <summary>
/// What the endpoints answer, where the handlers' result types do not say: the CSV and the workbook as files of their
/// media type, the JSON as a page of either layout (<see cref="ObservationPage"/> or <see cref="WidePage"/>, by <c>format</c>),
/// and the validators that come with each.
/// </summary>
internal sealed class ResponseTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith("api/observations", StringComparison.Ordinal) != true) return;
        operation.Responses ??= [];
        var ok = operation.Responses.TryGetValue("200", out var existing) && existing is OpenApiResponse response ? response : new OpenApiResponse();
        ok.Description = "OK";
        ok.Content = context.Description.RelativePath switch
        {
            "api/observations.csv" => File("text/csv"),
            "api/observations.xlsx" => File(ExportWorkbook.ContentType),
            _ => new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        OneOf = [await context.GetOrCreateSchemaAsync(typeof(ObservationPage), null, cancellationToken),
                            await context.GetOrCreateSchemaAsync(typeof(WidePage), null, cancellationToken)],
                    },
                },
            },
        };
        ok.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["ETag"] = Header("弱校验标签，数据与请求不变时不变。A weak validator, the same while the data and the request are."),
            ["Last-Modified"] = Header("最近一次有审计记录的数据修改时间。The time of the latest audited change to the data."),
        };
        operation.Responses["200"] = ok;
        if (operation.Responses.TryGetValue("304", out var notModified) && notModified is OpenApiResponse unchanged)
            unchanged.Description = "数据未变（If-None-Match 或 If-Modified-Since 仍然成立）。Not modified: the request's If-None-Match or If-Modified-Since still holds.";
    }

    private static Dictionary<string, OpenApiMediaType> File(string mediaType) =>
        new() { [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } } };

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
