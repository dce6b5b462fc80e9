using Microsoft.AspNetCore.Http.HttpResults;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Writing;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.Web.Features.Admin;

public static class AdminEndpoints
{
    public sealed record ImportError(string File, int Line, string Field, string Reason, string Text);

    public sealed record ImportResponse(string FileName, bool DryRun, bool Applied, int Inserted, int Changed, int Unchanged, string? Encoding,
        IReadOnlyList<ImportError> Errors);

    /// <summary>
    /// <c>POST /api/admin/observations/import?dryRun=true|false</c> with a <c>text/csv</c> body in the seed's columns:
    /// the same checks, preview and all-or-nothing apply as the upload page (409 when another write changed one of its
    /// figures meanwhile). Admins only; 401 without a session, 403 for others.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").RequireAuthorization(Accounts.AdminPolicy).WithTags("Admin");
        group.MapPost("/observations/import", ImportAsync);
        return app;
    }

    private static async Task<Results<Ok<ImportResponse>, UnprocessableEntity<ImportResponse>, Conflict<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ObservationUpload upload, bool? dryRun, string? fileName, CancellationToken ct)
    {
        var zh = Figures.FigureText.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(zh ? "请以 Content-Type: text/csv 发送 CSV 文件内容。" : "Send the CSV as the body with Content-Type: text/csv.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        using var buffer = new MemoryStream();
        var read = new byte[81920];
        int n;
        while ((n = await request.Body.ReadAsync(read, ct)) > 0)
        {
            if (buffer.Length + n > ObservationUpload.MaxBytes)
                return TypedResults.Problem(zh ? $"文件超过 {ObservationUpload.MaxBytes / 1024 / 1024} MB 的上限。" : $"The file is larger than the {ObservationUpload.MaxBytes / 1024 / 1024} MB limit.",
                    statusCode: StatusCodes.Status413PayloadTooLarge);
            buffer.Write(read, 0, n);
        }
        var user = request.HttpContext.User.Identity?.Name ?? "?";
        var apply = dryRun == false;
        var result = await upload.ProcessAsync(buffer.ToArray(), fileName ?? "upload.csv", WriteOrigin.Api, apply, user, ct);
        var response = new ImportResponse(result.FileName, !apply, result.Applied, result.Count(UploadAction.Insert), result.Count(UploadAction.Change),
            result.Count(UploadAction.Unchanged), result.EncodingNote, [.. result.Errors.Select(e => new ImportError(e.File, e.Line, e.Field, e.Reason, e.ToString()))]);
        if (result.Conflict) return TypedResults.Conflict(response);
        return result.Errors.Count > 0 ? TypedResults.UnprocessableEntity(response) : TypedResults.Ok(response);
    }
}
