using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ParkMetrics.Data;
using ParkMetrics.Data.Queries;
using ParkMetrics.Web.Hosting;
using Respawn;

namespace ParkMetrics.Testing;

/// <summary>How a <see cref="TestApp"/> runs.</summary>
public sealed record TestAppOptions
{
    /// <summary>
    /// The app's database: null for a new one on the <see cref="PostgresServer"/>; empty for none, so that the app
    /// starts an embedded PostgreSQL of its own (in <c>Database:DataDirectory</c>).
    /// </summary>
    public string? ConnectionString { get; init; }

    public string Environment { get; init; } = "Development";

    /// <summary>Configuration keys and values applied over <see cref="TestApp"/>'s defaults; a null value unsets one.</summary>
    public IReadOnlyList<(string Key, string? Value)> Settings { get; init; } = [];

    /// <summary>Serve on Kestrel at a free loopback port (real sockets, for a browser or a client that stops reading) instead of in memory.</summary>
    public bool Kestrel { get; init; }
}

/// <summary>
/// The web app as every integration and browser test runs it: over a real PostgreSQL database of its own, migrated and
/// seeded at startup and with the first admin <see cref="AdminEmail"/>, in memory or on Kestrel
/// (<see cref="TestAppOptions"/>). A fixture subclass adds data in <see cref="PrepareAsync"/>;
/// <see cref="ResetAsync"/> brings the database back to that state between tests (<see cref="SeededStateTest"/>).
/// </summary>
public partial class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Correct-Horse-42";

    private readonly PostgresServer? server;
    private readonly TestAppOptions options;
    private Respawner? respawner;
    private HttpClient? client;

    /// <summary>The app with the default options (xunit creates fixtures through their one public constructor).</summary>
    public TestApp(PostgresServer server) : this(server, new TestAppOptions()) { }

    protected TestApp(PostgresServer? server, TestAppOptions options) => (this.server, this.options) = (server, options);

    /// <summary>
    /// Starts an app outside xunit's fixtures, over a new database on <paramref name="server"/> unless the options name
    /// one; the caller disposes it.
    /// </summary>
    public static async Task<TestApp> StartAsync(TestAppOptions options, PostgresServer? server = null)
    {
        var app = new TestApp(server, options);
        await app.InitializeAsync();
        return app;
    }

    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the app answers: its Kestrel address, or the in-memory server's.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Log events of Warning and above (unless the settings say otherwise), from the app's Serilog.</summary>
    public LogSink Log { get; } = new();

    /// <summary>A client shared by the fixture's tests (cookies kept, redirects followed).</summary>
    public HttpClient Client => client ??= CreateClient();

    public async ValueTask InitializeAsync()
    {
        ConnectionString = options.ConnectionString
            ?? await (server ?? throw new InvalidOperationException("Neither a database nor a server to create one on.")).CreateDatabaseAsync();
        if (options.Kestrel) UseKestrel(0);
        StartServer(); // runs the app's startup: migrations, the seed, the first admin
        BaseAddress = options.Kestrel
            ? new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
            : ClientOptions.BaseAddress;
        await PrepareAsync();
    }

    /// <summary>Adds what the fixture's tests need beyond the seed; runs after startup and after every reset.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(options.Environment);
        (string Key, string? Value)[] defaults =
        [
            ("ConnectionStrings:ParkMetrics", ConnectionString),
            ("Database:MigrateOnStartup", "true"),
            ("Admin:Email", AdminEmail),
            ("Admin:Password", AdminPassword),
            ("Serilog:MinimumLevel:Default", "Warning"),
            // Every in-memory client has the same address (none) and every browser signs in from 127.0.0.1: sign-ins
            // are limited per address only where a test says so.
            ("Auth:SignInLimit:PermitLimit", "100000"),
        ];
        foreach (var (key, value) in defaults.Concat(options.Settings)) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestPeer>();
            services.AddSingleton<Serilog.Core.ILogEventSink>(Log);
        });
    }

    /// <summary>
    /// Empties the database with Respawn (but for what the migrations wrote and the data-protection keys the app has
    /// loaded), then runs the app's own startup again (the seed, the roles and the first admin), then
    /// <see cref="PrepareAsync"/>, and forgets every cached read and page.
    /// </summary>
    public async Task ResetAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct);
            respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = ["__EFMigrationsHistory", "PlanPeriods", "DataProtectionKeys"],
                WithReseed = true, // ids start again where the app's startup started them
            });
            await respawner.ResetAsync(connection);
        }
        foreach (var startup in Services.GetServices<IHostedService>().Where(s => s is DatabaseStartup or FirstAdmin))
            await startup.StartAsync(ct);
        await PrepareAsync();
        await Services.GetRequiredService<QueryCache>().InvalidateAsync(ct);
    }

    /// <summary>A new client without cookies that does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through /account/login and returns a client carrying the cookie (redirects not followed).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var signedIn = Anonymous();
        var response = await PostLoginAsync(signedIn, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}");
        return signedIn;
    }

    /// <summary>Posts the sign-in form as a browser does, antiforgery token and all.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string query = "")
    {
        var form = await client.GetStringAsync("/account/login" + query);
        return await client.PostAsync("/account/login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the first form of <paramref name="html"/>.</summary>
    public static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    public async Task CreateUserAsync(string email, string password, string? role)
    {
        await WithUsersAsync(async users =>
        {
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            if (role is not null) await users.AddToRoleAsync(user, role);
            return user;
        });
    }

    /// <summary>Runs <paramref name="work"/> with the app's user manager, in a scope of its own.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<IdentityUser>, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>());
    }

    /// <summary>The principal a sign-in of <paramref name="email"/> carries now (its roles and security stamp).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>();
        return await claims.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    public ParkMetricsDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParkMetricsDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Runs SQL straight on the database, past the app (and so past its writer and caches).</summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        client?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
