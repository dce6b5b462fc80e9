using System.Text;
using Npgsql;
using ParkMetrics.Data.Editing;
using ParkMetrics.IntegrationTests.Infrastructure;

namespace ParkMetrics.IntegrationTests.Drills;

/// <summary>
/// Damaged uploads against a seeded database of their own: each is applied whole or refused with errors that name a line
/// and a field, never throws, and a refused one leaves the figures and their history as they were.
/// </summary>
public sealed class UploadFuzzTests(MigratedDatabase database) : DatabaseTest(database), IClassFixture<MigratedDatabase>
{
    private const int Mutants = 2000;
    private const string FileName = "fuzz.csv";
    /// <summary>The last rows of the seed, kept out of the database so that uploading them inserts figures.</summary>
    private const int HeldBack = 6;

    // Every stored figure as text (xmin shows a rewrite with the same values) and the audit trail's length and last id.
    private const string FingerprintSql = """
        SELECT (SELECT count(*) || ' ' || md5(coalesce(string_agg(o::text || '@' || o.xmin::text, '|' ORDER BY o."Id"), '')) FROM "Observations" o)
            || ' / ' || (SELECT count(*) || ' ' || coalesce(max("Id"), 0) FROM "AuditEntries")
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ObservationUpload Upload => new(Database.Contexts, Database.Writer);

    [Fact]
    public async Task Upload_DamagedFiles_AreAppliedWholeOrRefusedWithoutAChange()
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        var (header, rows) = seed.Read(BadRows.Observations);
        seed.KeepFirst(BadRows.Observations, rows.Count - HeldBack);
        await Database.SeedAsync(seed.Path);
        var upload = Upload;
        var mutator = new UploadMutator(seed: 20261207, header, [.. rows.TakeLast(HeldBack)]);
        await using var connection = await Database.OpenAsync();
        var failures = new List<string>();
        var (applied, refused, injected) = (0, 0, 0);
        var state = await FingerprintAsync(connection);

        for (var i = 0; i < Mutants; i++)
        {
            var mutant = mutator.Next();
            void Fail(string what) => failures.Add($"#{i} {mutant.Recipe}: {what}");
            UploadResult result;
            try
            {
                result = await upload.ProcessAsync(mutant.Bytes, FileName, apply: true, "fuzz@example.org", Ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Fail($"threw {e.GetType().Name}: {e.Message}");
                state = await FingerprintAsync(connection);
                continue;
            }
            var after = await FingerprintAsync(connection);
            if (result.Errors.Count == 0)
            {
                applied++;
                var again = await upload.ProcessAsync(mutant.Bytes, FileName, apply: false, "fuzz@example.org", Ct);
                if (!result.Applied) Fail("no errors, yet not applied");
                if (again.Errors.Count > 0 || again.Rows.Any(r => r.Action != UploadAction.Unchanged)) Fail("applied, yet a second look finds rows to change");
                if (result.Rows.Any(r => r.Action != UploadAction.Unchanged) != (after != state)) Fail("the preview and the database disagree on whether anything changed");
                // The second look compares stored quotes too, so these payloads were stored as text and not run.
                if (result.Rows.Any(r => r.Row.Quote.StartsWith(UploadMutator.SqlPayload, StringComparison.Ordinal) || r.Row.Quote.StartsWith('='))) injected++;
            }
            else
            {
                refused++;
                var lines = LineCount(ObservationUpload.Decode(mutant.Bytes).Text);
                if (result.Applied || result.Rows.Count > 0) Fail("refused, yet applied or previewed");
                foreach (var e in result.Errors.Where(e => e.File != FileName || e.Line < 1 || e.Line > lines || string.IsNullOrWhiteSpace(e.Field) || e.Reason.Length == 0))
                    Fail($"error without a line in the file ({lines} lines) and a field: {e}");
                if (after != state) Fail("refused, yet the database changed");
            }
            state = after;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Mutants} damaged uploads: {applied} applied ({injected} with SQL or formula payloads in quotes), {refused} refused, {failures.Count} failures");
        Assert.Empty(failures);
        Assert.True(applied > 0 && refused > 0 && injected > 0, "every outcome is exercised");
    }

    [Theory]
    [InlineData("park")]
    [InlineData("period_kind")]
    [InlineData("period_start")]
    [InlineData("source")]
    public async Task Upload_BlankRequiredField_IsRefusedNamingIt(string field) =>
        await AssertRefusedAsync(t => t.With(field, " "), field);

    [Fact]
    public async Task Upload_NulInQuote_IsRefusedNamingIt() =>
        await AssertRefusedAsync(t => t.With("quote", t["quote"] + "\0"), "quote");

    /// <summary>Uploads a seeded figure changed one way and expects a refusal naming <paramref name="field"/> on line 2.</summary>
    private async Task AssertRefusedAsync(Func<CsvRecord, CsvRecord> change, string field)
    {
        using var seed = SeedFolder.CopyOfRealSeed();
        await Database.SeedAsync(seed.Path);
        var (header, _) = seed.Read(BadRows.Observations);
        var csv = Csv.Format(header) + "\n" + Csv.Format(change(BadRows.Template(seed)).Values) + "\n";
        var before = await Database.DumpAsync();

        var result = await Upload.ProcessAsync(Encoding.UTF8.GetBytes(csv), FileName, apply: true, "fuzz@example.org", Ct);

        Assert.False(result.Applied);
        Assert.Contains(result.Errors, e => (e.Line, e.Field) == (2, field));
        Assert.Equal(before, await Database.DumpAsync());
    }

    private static async Task<string> FingerprintAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(FingerprintSql, connection);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Lines by any convention (LF, CRLF or a lone CR ends one), so a reported line can be checked to lie in the file.</summary>
    private static int LineCount(string text) =>
        1 + text.Count(c => c == '\n') + text.Where((c, i) => c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')).Count();
}
