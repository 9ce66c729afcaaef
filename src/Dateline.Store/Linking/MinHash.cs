using System.Buffers.Binary;
using Dateline.Text;

namespace Dateline.Store.Linking;

/// <summary>
/// MinHash signatures over three-word shingles, for finding republished copies: wire copy with a
/// new dateline, a credit line, a trimmed last paragraph or other quote marks shares most of its
/// shingles with the original, and the share of equal signature slots estimates that Jaccard
/// similarity.
/// </summary>
/// <remarks>
/// SimHash was tried first: on a 90-word story a dateline and a credit line moved it 8 bits, far
/// past the usual 3-bit threshold, while MinHash estimates the Jaccard similarity (0.8 there)
/// directly. The store indexes <see cref="Bands"/> bands of <see cref="Rows"/> slots each: a pair
/// with Jaccard 0.8 shares a band with probability 0.98, a pair at 0.3 with 0.02; candidates are
/// then checked on the whole signature. Words are folded (quotes, dashes, spaces unified) and
/// lower-cased, so typography does not count.
/// </remarks>
public static class MinHash
{
    /// <summary>Number of slots in a signature.</summary>
    public const int Size = Bands * Rows;

    /// <summary>Number of bands the signature is indexed by.</summary>
    public const int Bands = 10;

    /// <summary>Slots per band.</summary>
    public const int Rows = 5;

    /// <summary>Estimated Jaccard similarity at or above which two texts are copies of one article.</summary>
    public const double CopyThreshold = 0.6;

    /// <summary>Texts with fewer shingles get no signature: short bulletins are too alike to tell apart.</summary>
    public const int MinShingles = 20;

    /// <summary>The signature of <paramref name="text"/> (<see cref="Size"/> slots, 4 bytes each, little-endian), or null when it is too short.</summary>
    public static byte[]? Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<uint> mins = stackalloc uint[Size];
        mins.Fill(uint.MaxValue);
        ulong w1 = 0, w2 = 0;
        var words = 0;
        var shingles = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            // FNV-1a over the folded, lower-cased word.
            var hash = 14695981039346656037UL;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerJoiner(text, i)))
            {
                var c = char.ToLowerInvariant(TextNormalizer.Fold(text[i]));
                hash = (hash ^ c) * 1099511628211UL;
                i++;
            }

            words++;
            if (words >= 3)
            {
                var shingle = Mix((w1 * 0x9E3779B97F4A7C15UL) ^ (w2 * 0xC2B2AE3D27D4EB4FUL) ^ hash);
                for (var k = 0; k < Size; k++)
                {
                    var h = (uint)(Mix(shingle + ((ulong)k * 0xD6E8FEB86659FD93UL)) >> 32);
                    if (h < mins[k])
                    {
                        mins[k] = h;
                    }
                }

                shingles++;
            }

            w1 = w2;
            w2 = hash;
        }

        if (shingles < MinShingles)
        {
            return null;
        }

        var signature = new byte[Size * 4];
        for (var k = 0; k < Size; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(signature.AsSpan(k * 4), mins[k]);
        }

        return signature;
    }

    /// <summary>The share of equal slots: an estimate of the Jaccard similarity of the two shingle sets.</summary>
    public static double Similarity(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != Size * 4 || b.Length != Size * 4)
        {
            return 0;
        }

        var equal = 0;
        for (var k = 0; k < Size * 4; k += 4)
        {
            if (a.Slice(k, 4).SequenceEqual(b.Slice(k, 4)))
            {
                equal++;
            }
        }

        return equal / (double)Size;
    }

    /// <summary>The index key of band <paramref name="band"/>: a hash of its slots.</summary>
    public static long BandKey(ReadOnlySpan<byte> signature, int band)
    {
        var hash = 14695981039346656037UL ^ (ulong)band;
        foreach (var b in signature.Slice(band * Rows * 4, Rows * 4))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)Mix(hash));
    }

    // An apostrophe or hyphen between letters keeps a word whole ("don't", "30-day").
    private static bool IsInnerJoiner(string text, int i) =>
        text[i] is '\'' or '’' or '-' && i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && char.IsLetterOrDigit(text[i - 1]);

    // SplitMix64's finalizer: spreads bits over all 64.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
