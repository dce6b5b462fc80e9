using System.Text;
using ParkMetrics.Data.Editing;
using ParkMetrics.Testing;

namespace ParkMetrics.Tests.Editing;

/// <summary>How typed numbers and uploaded bytes are read: never a silently different value or character.</summary>
public sealed class InputTextTests
{
    [Theory]
    [InlineData("1,5")]
    [InlineData("12,34")]
    [InlineData("1,2345")]
    [InlineData(",123")]
    [InlineData("1，5")]
    public void TryParse_CommaNotGroupingThousands_IsRefused(string text) =>
        Assert.False(EntryValidation.TryParse(text, out _));

    [Theory]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("-12,345,678", "-12345678")]
    [InlineData("１，２３４", "1234")]
    [InlineData("993.1", "993.1")]
    public void TryParse_ThousandsSeparators_AreRead(string text, string expected)
    {
        Assert.True(EntryValidation.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Decode_ByteOrderMarkThenInvalidUtf8_IsRefusedAtTheLineOfTheBadByte()
    {
        using var ui = new UICulture("en-US");
        byte[] content = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("park,value\nbeichuan,1\nganhe,"), 0xB2, 0xE2, (byte)'\n'];

        var decoded = ObservationUpload.Decode(content, "bad.csv");

        var error = Assert.IsType<Data.Seeding.SeedError>(decoded.Error);
        Assert.Equal(("bad.csv", 3), (error.File, error.Line));
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Gb18030WithoutByteOrderMark_IsReadAndSaidSo()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var content = Encoding.GetEncoding("GB18030").GetBytes("园区,数值\n北川,1\n");

        var decoded = ObservationUpload.Decode(content);

        Assert.Equal(("园区,数值\n北川,1\n", "GB18030", null), (decoded.Text, decoded.Note, decoded.Error));
    }
}
