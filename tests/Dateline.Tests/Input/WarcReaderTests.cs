using System.IO.Compression;
using System.Text;
using Dateline.Input;

namespace Dateline.Tests.Input;

/// <summary>A small WARC file made here, plain and as one gzip member per record.</summary>
public sealed class WarcReaderTests
{
    private const string Page =
        "<html><head><title>Bridge opens | Valley News</title></head><body><nav><a href=\"/\">Home</a></nav>"
        + "<article><p>The new footbridge over the river opened to walkers and cyclists on Saturday morning.</p>"
        + "<p>About 2,000 people crossed it in the first hour, the council said.</p></article></body></html>";

    static WarcReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Record(string type, string? uri, byte[] block)
    {
        var header = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Date: 2025-05-14T00:00:00Z\r\n"
            + (uri is null ? "" : $"WARC-Target-URI: {uri}\r\n")
            + $"Content-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Http(string status, string contentType, byte[] body, string extraHeaders = "") =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\n{extraHeaders}\r\n"), .. body];

    private static List<byte[]> Records()
    {
        var latin = Encoding.GetEncoding(1252).GetBytes(Page.Replace("cyclists", "Radfahrer für", StringComparison.Ordinal));
        var chunked = Encoding.UTF8.GetBytes(Page);
        var chunks = Encoding.ASCII.GetBytes($"{chunked.Length / 2:x}\r\n").Concat(chunked[..(chunked.Length / 2)])
            .Concat(Encoding.ASCII.GetBytes($"\r\n{chunked.Length - (chunked.Length / 2):x}\r\n")).Concat(chunked[(chunked.Length / 2)..])
            .Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        return
        [
            Record("warcinfo", null, "software: test\r\n"u8.ToArray()),
            Record("request", "https://valley.example/bridge", "GET /bridge HTTP/1.1\r\n\r\n"u8.ToArray()),
            Record("response", "https://valley.example/2025/05/13/bridge", Http("200 OK", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page))),
            Record("response", "https://valley.example/logo.png", Http("200 OK", "image/png", [0x89, 0x50, 0x4E, 0x47])),
            Record("response", "https://valley.example/gone", Http("404 Not Found", "text/html", "<p>missing</p>"u8.ToArray())),
            Record("response", "https://valley.example/latin", Http("200 OK", "text/html; charset=windows-1252", latin)),
            Record("response", "https://valley.example/chunked", Http("200 OK", "text/html", chunks, "Transfer-Encoding: chunked\r\n")),
        ];
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static void AssertRecords(List<WarcItem> items)
    {
        Assert.Equal(
            ["unsupported", "unsupported", "ok", "unsupported", "unsupported", "ok", "ok"],
            items.Select(i => i.Result.Error?.Reason ?? "ok"));
        var page = items[2].Result.Value!;
        Assert.StartsWith("The new footbridge over the river", page.Text, StringComparison.Ordinal);
        Assert.Equal("https://valley.example/2025/05/13/bridge", page.Source.Uri);
        Assert.Equal("url", page.PublishedFrom);
        Assert.Equal("Bridge opens", page.Title);
        Assert.Contains("Radfahrer für", items[5].Result.Value!.Text, StringComparison.Ordinal);
        Assert.Equal(page.Text, items[6].Result.Value!.Text);
    }

    [Fact]
    public void A_plain_warc_yields_its_html_responses_and_a_reason_for_every_other_record()
    {
        var bytes = Records().SelectMany(r => r).ToArray();

        AssertRecords([.. WarcReader.Default.Read(new MemoryStream(bytes))]);
    }

    [Fact]
    public void A_warc_gz_of_one_gzip_member_per_record_reads_the_same()
    {
        var bytes = Records().SelectMany(Gzip).ToArray();

        AssertRecords([.. WarcReader.Default.Read(new MemoryStream(bytes))]);
    }

    [Fact]
    public void A_truncated_last_record_is_reported_and_ends_the_file()
    {
        var records = Records();
        var whole = records.Take(3).SelectMany(r => r).ToArray();
        var cut = records[3][..(records[3].Length - 10)];

        var items = WarcReader.Default.Read(new MemoryStream([.. whole, .. cut])).ToList();

        Assert.Equal(["unsupported", "unsupported", "ok", "truncated"], items.Select(i => i.Result.Error?.Reason ?? "ok"));
    }

    [Fact]
    public void A_record_over_the_size_limit_is_skipped_without_stopping_the_file()
    {
        var bytes = Records().SelectMany(r => r).ToArray();

        var items = WarcReader.Default.Read(new MemoryStream(bytes), new Dateline.Extraction.ReadOptions { MaxBytes = 200 }).ToList();

        Assert.Equal(7, items.Count);
        Assert.Equal("too-large", items[2].Result.Error?.Reason);
    }
}
