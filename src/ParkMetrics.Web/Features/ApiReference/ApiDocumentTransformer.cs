using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ParkMetrics.Web.Features.ApiReference;

/// <summary>The document's title and overview, and <c>GET /health</c>, which is mapped as a health check rather than a handler.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ParkMetrics API",
            Version = "v1",
            Description = """
                中国工业园区经济数据，每个数值附来源、原文引文、期间与限定。
                Economic figures of Chinese industrial parks, each with its source, the verbatim quote, its period and its qualifier.

                - 三种格式，同一组筛选参数：CSV（`/api/observations.csv`）、Excel 工作簿（`/api/observations.xlsx`）与分页 JSON（`/api/observations`）。
                  Three formats, one set of filters: CSV, an Excel workbook, and JSON in pages.
                - JSON 分页：`limit` 与不透明的 `cursor`；每页附 `total` 与下一页的 `next`（最后一页为 null）。
                  JSON pages: `limit` and an opaque `cursor`; each page has the `total` and the `next` cursor (null on the last page).
                - 条件请求：响应带 `ETag` 与 `Last-Modified`；数据未变时，带 `If-None-Match` 或 `If-Modified-Since` 的请求得到 `304`。
                  Conditional requests: answers carry `ETag` and `Last-Modified`; while the data has not changed, a request with `If-None-Match` or `If-Modified-Since` gets `304`.
                - 参数有误时返回 `400` 与 ProblemDetails，`errors` 以参数名为键，默认中文，`lang=en` 为英文。
                  A bad parameter gets `400` with a ProblemDetails body whose `errors` are keyed by the parameter's name, in Chinese unless `lang=en`.
                """,
        };
        document.Paths ??= [];
        document.Paths["/health"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new OpenApiOperation
                {
                    OperationId = "Health",
                    Summary = "健康检查 · Health",
                    Description = "数据库可用时为 200 “Healthy”，否则为 503 “Unhealthy”。200 “Healthy” while the database answers, else 503 “Unhealthy”.",
                    Responses = new OpenApiResponses
                    {
                        ["200"] = Text("Healthy"),
                        ["503"] = Text("Unhealthy"),
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiResponse Text(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
    };
}
