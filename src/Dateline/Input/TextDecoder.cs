using System.Text;

namespace Dateline.Input;

/// <summary>The text of some bytes and the encoding it was read with.</summary>
public sealed record DecodedText(string Text, string Encoding);

/// <summary>
/// Turns bytes into text: a byte-order mark decides when present; otherwise valid UTF-8 is
/// UTF-8; otherwise the charset declared by the transport (an HTTP or WARC header) or by the
/// page itself (<c>&lt;meta charset&gt;</c> or <c>http-equiv</c> in its first 16 KiB) decides; and
/// anything else is read as Windows-1252 (a superset of Latin-1's printable characters, and what
/// mislabelled Western text almost always is). Binary content is refused.
/// </summary>
/// <remarks>
/// Valid UTF-8 wins over a declaration because pages that declare Latin-1 but are served as
/// UTF-8 are common, while non-ASCII Latin-1 or CJK text that happens to be valid UTF-8 is
/// vanishingly rare. No statistical detector is used: the one on NuGet (UTF.Unknown) is MPL-1.1.
/// </remarks>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    // Signatures of common binary formats, to name what was given instead of text.
    private static readonly (byte[] Magic, string Name)[] Signatures =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ("PK\u0003\u0004"u8.ToArray(), "a ZIP archive (or an Office document)"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "an executable"),
        ("SQLite format 3"u8.ToArray(), "an SQLite database"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document"),
        ("RIFF"u8.ToArray(), "a RIFF media file"),
    ];

    /// <summary>Decodes <paramref name="bytes"/>, or says why they are not text.</summary>
    public static Result<DecodedText> Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, declaredCharset: null);

    /// <summary>
    /// Decodes <paramref name="bytes"/> that came with <paramref name="declaredCharset"/> (from a
    /// Content-Type header; null when none), or says why they are not text.
    /// </summary>
    public static Result<DecodedText> Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (bytes.IsEmpty)
        {
            return Result<DecodedText>.Failure(InputErrorCode.Empty, "the input is empty");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8(bytes[3..], "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Unicode(bytes[4..], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "utf-32le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Unicode(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Unicode(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16be");
        }

        foreach (var (magic, name) in Signatures)
        {
            if (bytes.StartsWith(magic))
            {
                return Result<DecodedText>.Failure(InputErrorCode.Binary, $"the input is binary ({name}), not text");
            }
        }

        if (LooksBinary(bytes))
        {
            return Result<DecodedText>.Failure(InputErrorCode.Binary, "the input is binary (it holds NUL or many control bytes), not text");
        }

        try
        {
            return Result<DecodedText>.Success(new DecodedText(StrictUtf8.GetString(bytes), "utf-8"));
        }
        catch (DecoderFallbackException)
        {
            var declared = Lookup(declaredCharset) ?? Lookup(MetaCharset(bytes));
            if (declared is { CodePage: 65001 } || MostlyUtf8(bytes))
            {
                // UTF-8 with a few stray bytes (a truncated or spliced page): keep the UTF-8 and
                // mark the bad bytes, rather than turning every accented letter into mojibake.
                return Result<DecodedText>.Success(new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8"));
            }

            if (declared is { } encoding && encoding.CodePage is not (1200 or 1201 or 12000 or 12001))
            {
                return Result<DecodedText>.Success(new DecodedText(encoding.GetString(bytes), encoding.WebName));
            }

            return Result<DecodedText>.Success(new DecodedText(Windows1252.Value.GetString(bytes), "windows-1252"));
        }
    }

    /// <summary>
    /// The charset a page declares in its first 16 KiB (<c>&lt;meta charset="…"&gt;</c> or
    /// <c>content="text/html; charset=…"</c>), or null. Reads bytes as ASCII, as the HTML
    /// prescan does, since the declaration itself is ASCII in every encoding it can name.
    /// </summary>
    public static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 16384)];
        while (true)
        {
            // Only a meta tag declares the page's charset; a script's charset attribute does not.
            var meta = IndexOfIgnoreCase(head, "<meta"u8);
            if (meta < 0)
            {
                return null;
            }

            head = head[(meta + 5)..];
            var end = head.IndexOf((byte)'>');
            var tag = end < 0 ? head : head[..end];
            if (CharsetIn(tag) is { } label)
            {
                return label;
            }
        }
    }

    private static string? CharsetIn(ReadOnlySpan<byte> tag)
    {
        var found = IndexOfIgnoreCase(tag, "charset"u8);
        if (found < 0)
        {
            return null;
        }

        var i = found + 7;
        while (i < tag.Length && tag[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        if (i >= tag.Length || tag[i] != (byte)'=')
        {
            return null;
        }

        i++;
        while (i < tag.Length && tag[i] is (byte)' ' or (byte)'"' or (byte)'\'')
        {
            i++;
        }

        var start = i;
        while (i < tag.Length && i - start < 40 && (char.IsAsciiLetterOrDigit((char)tag[i]) || tag[i] is (byte)'-' or (byte)'_' or (byte)':' or (byte)'.'))
        {
            i++;
        }

        return i > start ? System.Text.Encoding.ASCII.GetString(tag[start..i]) : null;
    }

    /// <summary>
    /// True when the non-ASCII bytes are nearly all well-formed UTF-8 sequences: at least 20
    /// valid sequences for each invalid byte. Latin-1 or CJK text almost never forms valid
    /// multi-byte sequences by chance.
    /// </summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid++;
            }
            else if (rune.Value >= 0x80)
            {
                valid++;
            }

            rest = rest[Math.Max(1, consumed)..];
        }

        return valid >= 20 * Math.Max(1, invalid);
    }

    /// <summary>The encoding a charset label names (WHATWG labels, code pages included), or null.</summary>
    public static Encoding? Lookup(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        _ = Windows1252.Value;
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant() switch
        {
            // Per the WHATWG Encoding Standard these labels mean the wider encoding.
            "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "l1" => "windows-1252",
            "iso-8859-9" or "latin5" => "windows-1254",
            "gb2312" or "gbk" or "x-gbk" or "cn-gb" => "gb18030",
            "x-sjis" or "sjis" or "shift-jis" or "ms_kanji" => "shift_jis",
            "ks_c_5601-1987" or "ksc5601" => "euc-kr",
            "utf8" => "utf-8",
            var other => other,
        };

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // An unknown label is treated as no label: a fact about the page, not an error.
            return null;
        }
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            var match = true;
            for (var j = 0; j < lowerNeedle.Length; j++)
            {
                var b = haystack[i + j];
                if (b is >= (byte)'A' and <= (byte)'Z')
                {
                    b = (byte)(b + 32);
                }

                if (b != lowerNeedle[j])
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    private static Result<DecodedText> Utf8(ReadOnlySpan<byte> bytes, string name) =>
        Unicode(bytes, StrictUtf8, name);

    private static Result<DecodedText> Unicode(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            var text = encoding.GetString(bytes);
            return text.Contains('\0', StringComparison.Ordinal)
                ? Result<DecodedText>.Failure(InputErrorCode.Binary, $"the input is binary (NUL characters in {name} text)")
                : Result<DecodedText>.Success(new DecodedText(text, name));
        }
        catch (DecoderFallbackException ex)
        {
            return Result<DecodedText>.Failure(InputErrorCode.Binary, $"the input has a {name} byte-order mark but invalid {name} bytes at offset {ex.Index}");
        }
    }

    /// <summary>NUL bytes, or more than 1 in 20 control bytes, in the first 8 KiB.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Contains((byte)0))
        {
            return true;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        return control * 20 > sample.Length;
    }
}
