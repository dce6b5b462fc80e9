using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ParkMetrics.Data;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Embedded;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;
using ParkMetrics.Data.Writing;

namespace ParkMetrics.Web.Hosting;

/// <summary>The connection string in use: the configured one, or the embedded server's once it has started.</summary>
public sealed class DatabaseConnection(string? configured)
{
    public string? Value { get; internal set; } = string.IsNullOrWhiteSpace(configured) ? null : configured;
    public bool IsEmbedded { get; internal set; }
}

public static class DatabaseHosting
{
    public static WebApplicationBuilder AddParkMetricsData(this WebApplicationBuilder builder)
    {
        var connection = new DatabaseConnection(builder.Configuration.GetConnectionString("ParkMetrics"));
        builder.Services.AddSingleton(connection);
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddDbContextFactory<ParkMetricsDbContext>(options => options.UseNpgsql(
            connection.Value ?? throw new InvalidOperationException("The database has not started yet.")));
        var readOnly = builder.Configuration.GetConnectionString("ParkMetricsReadOnly");
        builder.Services.AddSingleton(services => new ReadContexts(string.IsNullOrWhiteSpace(readOnly)
            ? services.GetRequiredService<IDbContextFactory<ParkMetricsDbContext>>()
            : new PooledDbContextFactory<ParkMetricsDbContext>(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(readOnly).Options)));
        builder.Services.AddDataProtection().SetApplicationName("ParkMetrics").PersistKeysToDbContext<ParkMetricsDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<ParkMetricsDbContext>("postgres");
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<QueryCache>();
        builder.Services.AddSingleton<CatalogQueries>();
        builder.Services.AddSingleton<FigureQueries>();
        builder.Services.AddSingleton<ExportQueries>();
        builder.Services.AddSingleton<FigureWriter>();
        builder.Services.AddSingleton<FigureEditor>();
        builder.Services.AddSingleton<ObservationUpload>();
        builder.Services.AddSingleton<EnterpriseEditor>();
        builder.Services.AddSingleton<SourceEditor>();
        builder.Services.AddSingleton<IndicatorEditor>();
        builder.Services.AddSingleton<Features.Intake.IntakeService>();
        builder.Services.AddSingleton<UnitEditor>();
        builder.Services.AddSingleton<ParkEditor>();
        builder.Services.AddScoped<Features.Figures.DialogIds>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Features.Figures.FigureContexts>();
        builder.Services.AddSingleton<Features.Overview.OverviewService>();
        builder.Services.AddSingleton<Features.Parks.ParkService>();
        builder.Services.AddSingleton<Features.Parks.BriefingService>();
        builder.Services.AddSingleton<Features.Indicators.IndicatorService>();
        builder.Services.AddSingleton<Features.Compare.CompareService>();
        builder.Services.AddSingleton<Features.Plans.PlanService>();
        builder.Services.AddSingleton<Features.Sources.SourceService>();
        builder.Services.AddSingleton<Features.FigurePages.FigureService>();
        return builder;
    }
}

/// <summary>
/// Starts the embedded PostgreSQL when no connection string is configured, applies migrations and loads the seed into
/// an empty database. Hosted services start before the web server, so no request sees a database that is not ready.
/// </summary>
internal sealed partial class DatabaseStartup(
    DatabaseConnection connection, IServiceProvider services, IConfiguration configuration,
    IHostEnvironment environment, ILogger<DatabaseStartup> logger) : IHostedService
{
    private EmbeddedPostgres? embedded;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (connection.Value is null)
        {
            var root = configuration["Database:DataDirectory"] ?? EmbeddedPostgres.DefaultRoot();
            embedded = await EmbeddedPostgres.StartAsync(root, cancellationToken);
            connection.Value = embedded.ConnectionString;
            connection.IsEmbedded = true;
            LogEmbedded(embedded.Port, embedded.DataDirectory);
        }
        if (!connection.IsEmbedded && !configuration.GetValue("Database:MigrateOnStartup", environment.IsDevelopment())) return;

        // Resolved only now: the context options need the connection string settled above.
        var contexts = services.GetRequiredService<IDbContextFactory<ParkMetricsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (await db.Sources.AnyAsync(cancellationToken) || !configuration.GetValue("Database:SeedWhenEmpty", true)) return;
        var directory = SeedDirectory.Find();
        var writer = services.GetRequiredService<FigureWriter>();
        var result = await writer.SeedAsync(SeedSet.Load(directory, SeedDirectory.FindArticles(directory)), FigureWriter.SystemUser, cancellationToken);
        LogSeeded(result.Inserted, directory);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (embedded is not null) await embedded.StopAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Embedded PostgreSQL listening on 127.0.0.1:{Port}, data in {DataDirectory}")]
    private partial void LogEmbedded(int port, string dataDirectory);

    [LoggerMessage(LogLevel.Information, "Seeded an empty database with {RowCount} rows from {SeedDirectory}")]
    private partial void LogSeeded(int rowCount, string seedDirectory);
}
