using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParkMetrics.Data.Catalog;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;
using ParkMetrics.Data.Seeding;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Checks;

/// <summary>Relationships in the database: the seed's upserted and owned by the file, an admin's added and removed with an audit entry.</summary>
public sealed class RelationshipEditorTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly MemoryCache memory = new(new MemoryCacheOptions());

    private RelationshipEditor Editor => new(Database.Contexts, new QueryCache(memory));

    /// <summary>Design patents (14件) are not a part of invention patents (114件), so declaring it the other way round finds the 114 too many.</summary>
    private static readonly RelationshipForm InventionWithinDesign = new("subset", "patents_design_new", "patents_invention_new", null, null, "a deliberately wrong one");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.SeedAsync(RepositoryPaths.Seed);
    }

    public override ValueTask DisposeAsync()
    {
        memory.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Seed_DeclaredRelationships_AreStoredOnceAndOwnedByTheFile()
    {
        await using var db = Database.CreateContext();
        var seed = SeedSet.Load(RepositoryPaths.Seed);

        Assert.Equal(seed.Relationships.Count, await db.Relationships.CountAsync(r => r.CreatedBy == null, Ct));

        using var copy = SeedFolder.CopyOfRealSeed();
        var lines = File.ReadAllLines(copy.FileOf(SeedSet.RelationshipsFile));
        File.WriteAllLines(copy.FileOf(SeedSet.RelationshipsFile), lines.Where(l => !l.StartsWith("subset,import_export,exports", StringComparison.Ordinal)));
        await Editor.AddAsync(InventionWithinDesign, "admin@example.org", Ct);
        var result = await Database.SeedAsync(copy.Path);

        Assert.Equal(1, result.Deleted);
        Assert.False(await db.Relationships.AnyAsync(r => r.Indicator.Code == "import_export" && r.Kind == RelationshipKind.Subset, Ct));
        Assert.True(await db.Relationships.AnyAsync(r => r.CreatedBy == "admin@example.org", Ct)); // the seed keeps an admin's relationship
    }

    [Fact]
    public async Task AddAsync_Relationship_IsAuditedAndChecked()
    {
        var checks = new ConsistencyChecks(Database.Contexts);
        var before = (await checks.RunAsync(Ct)).Findings.Count;

        var result = await Editor.AddAsync(InventionWithinDesign, "admin@example.org", Ct);

        Assert.True(result.Saved);
        await using var db = Database.CreateContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == RelationshipEditor.AuditType, Ct);
        Assert.Equal((AuditAction.Insert, "admin@example.org", (long)result.Id!), (audit.Action, audit.UserName, audit.EntityId));
        Assert.Equal("patents_design_new", System.Text.Json.JsonDocument.Parse(audit.After!).RootElement.GetProperty("indicator").GetString());
        var after = (await checks.RunAsync(Ct)).Findings;
        Assert.Equal(before + 1, after.Count);
        Assert.Contains(after, f => f.Rule == CheckRule.Subset && f.Figures.Any(x => x.Figure.IndicatorCode == "patents_invention_new"));
        Assert.Contains(await Editor.ListAsync(Ct), r => r.Origin == RelationshipOrigin.Admin && r.CreatedBy == "admin@example.org");
    }

    [Fact]
    public async Task AddAsync_TwiceOrWrong_IsRefusedFieldByFieldAndWritesNothing()
    {
        await Editor.AddAsync(InventionWithinDesign, "admin@example.org", Ct);
        var dump = await Database.DumpAsync(withSequences: false); // a refused insert still takes a number from the sequence

        var again = await Editor.AddAsync(InventionWithinDesign, "admin@example.org", Ct);
        var wrong = await Editor.AddAsync(new RelationshipForm("share", "fixed_asset_investment", "industrial_investment", null, null, null), "admin@example.org", Ct);
        var unknown = await Editor.AddAsync(new RelationshipForm("component", "fixed_asset_investment", "no_such_indicator", null, null, null), "admin@example.org", Ct);

        Assert.Equal((CatalogOutcome.Invalid, "indicator"), (again.Outcome, Assert.Single(again.Errors).Field));
        Assert.Equal("indicator", Assert.Single(wrong.Errors).Field);
        Assert.Equal("part", Assert.Single(unknown.Errors).Field);
        Assert.Equal(dump, await Database.DumpAsync(withSequences: false));
    }

    [Fact]
    public async Task RemoveAsync_AnAdminsRelationship_IsAudited_TheSeedsIsRefused()
    {
        var added = await Editor.AddAsync(InventionWithinDesign, "admin@example.org", Ct);
        await using var db = Database.CreateContext();
        var seedOwned = await db.Relationships.FirstAsync(r => r.CreatedBy == null, Ct);

        var removed = await Editor.RemoveAsync(added.Id!.Value, "admin@example.org", "wrong way round", Ct);
        var refused = await Editor.RemoveAsync(seedOwned.Id, "admin@example.org", null, Ct);

        Assert.True(removed.Saved);
        Assert.Equal(CatalogOutcome.Invalid, refused.Outcome);
        Assert.False(await db.Relationships.AnyAsync(r => r.Id == added.Id, Ct));
        Assert.True(await db.Relationships.AnyAsync(r => r.Id == seedOwned.Id, Ct));
        var audit = await db.AuditEntries.Where(a => a.EntityType == RelationshipEditor.AuditType).OrderBy(a => a.Id).LastAsync(Ct);
        Assert.Equal((AuditAction.Delete, "wrong way round"), (audit.Action, audit.Reason));
    }
}
