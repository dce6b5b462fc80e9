using System.Text.RegularExpressions;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Deployment;

/// <summary>
/// docker-compose.yml as deployed: passwords that must be given (no default), an app that connects as a role that owns
/// its schema but is no superuser, Production behind the TLS proxy and reachable only through it.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
    private static readonly string RoleScript = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker", "postgres", "init", "10-app-role.sh"));

    [Fact]
    public void Passwords_EveryOne_IsRequiredWithoutDefault()
    {
        var passwords = PasswordVariable().Matches(Compose);
        Assert.Equal(3, passwords.Count); // the superuser's, and the app role's for the init script and the app
        Assert.All(passwords, p => Assert.Equal(":?", p.Groups["operator"].Value));
        Assert.DoesNotContain("Password=parkmetrics", Compose, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void App_ConnectsAsTheAppRole_NotTheSuperuser()
    {
        Assert.Contains("Username=parkmetrics_app;", Compose, StringComparison.Ordinal);
        Assert.Matches(@"POSTGRES_USER: postgres\b", Compose);
        Assert.Contains("./docker/postgres/init:/docker-entrypoint-initdb.d", Compose, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleScript_AppRole_OwnsItsSchemaAndIsNoSuperuser()
    {
        Assert.Matches(@"CREATE ROLE parkmetrics_app LOGIN[^;]*NOSUPERUSER[^;]*NOCREATEDB[^;]*NOCREATEROLE", RoleScript);
        Assert.Contains("ALTER SCHEMA public OWNER TO parkmetrics_app;", RoleScript, StringComparison.Ordinal);
        Assert.DoesNotContain("SUPERUSER PASSWORD", RoleScript, StringComparison.Ordinal);
    }

    [Fact]
    public void App_InProductionBehindTheProxy_PublishesNoPortOfItsOwn()
    {
        Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", Compose, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders__KnownNetworks__0:", Compose, StringComparison.Ordinal);
        var app = Compose[Compose.IndexOf("\n  app:", StringComparison.Ordinal)..Compose.IndexOf("\n  proxy:", StringComparison.Ordinal)];
        Assert.DoesNotContain("ports:", app, StringComparison.Ordinal);
    }

    /// <summary>The database's passwords (the first admin's is optional: it matters only until an admin exists).</summary>
    [GeneratedRegex(@"\$\{(?<name>POSTGRES_PASSWORD|[A-Z_]*DB_PASSWORD)(?<operator>:?[-?+]?)", RegexOptions.ExplicitCapture)]
    private static partial Regex PasswordVariable();
}
