using ParkMetrics.Data.Entities;

namespace ParkMetrics.IntegrationTests.Admin;

/// <summary>The app with an analyst beside its first admin, and a source without text for uploads.</summary>
public sealed class AdminApp(PostgresServer server) : TestApp(server)
{
    public const string AnalystEmail = "analyst@example.org";
    public const string AnalystPassword = "Battery-Staple-42";
    /// <summary>A source with no text, so that an upload's quotes need not stand in one (the seed's sources have their articles' texts where present).</summary>
    public const string NotesSource = "admin-notes";

    protected override async Task PrepareAsync()
    {
        await CreateUserAsync(AnalystEmail, AnalystPassword, ParkMetrics.Web.Hosting.Roles.Analyst);
        await using var db = CreateContext();
        db.Sources.Add(new Source { Code = NotesSource, Kind = SourceKind.Other, Title = "管理员笔记", AsOf = new DateOnly(2025, 12, 31) });
        await db.SaveChangesAsync();
    }
}
