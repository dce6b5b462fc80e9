using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.ApiReference;

/// <summary>
/// Writes <see cref="ParameterDocs"/> into each operation's query parameters: the description, the allowed values as
/// an enum (of each item, for lists), a pattern and an example. A parameter without an entry fails the document, so
/// that none goes out undocumented.
/// </summary>
internal sealed class ParameterTransformer(ExportQueries queries) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is not { Count: > 0 }) return;
        var docs = ParameterDocs.For(await queries.CatalogAsync(cancellationToken));
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (!docs.TryGetValue(parameter.Name!, out var doc))
                throw new InvalidOperationException($"The query parameter '{parameter.Name}' of {context.Description.RelativePath} has no entry in ParameterDocs.");
            parameter.Description = doc.Description;
            parameter.Required = false;
            if (parameter.Schema is not OpenApiSchema schema) continue;
            var list = schema.Items is OpenApiSchema;
            var values = list ? (OpenApiSchema)schema.Items! : schema;
            if (doc.Allowed is { } allowed) values.Enum = [.. allowed.Select(v => (JsonNode)JsonValue.Create(v))];
            if (doc.Pattern is { } pattern) values.Pattern = pattern;
            JsonNode example = JsonValue.Create(doc.Example);
            if (doc.Range is var (min, max))
            {
                values.Type = JsonSchemaType.Integer;
                (values.Minimum, values.Maximum) = (Text(min), Text(max));
                example = JsonValue.Create(int.Parse(doc.Example, CultureInfo.InvariantCulture));
            }
            parameter.Example = list ? new JsonArray(example) : example;
            if (list)
            {
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = true;
            }
        }
        var order = docs.Keys.ToList();
        var sorted = operation.Parameters.OrderBy(p => order.IndexOf(p.Name!)).ToList();
        operation.Parameters.Clear();
        foreach (var p in sorted) operation.Parameters.Add(p);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
