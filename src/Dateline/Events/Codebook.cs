using System.Collections.Frozen;
using System.Globalization;
using Dateline.Data;

namespace Dateline.Events;

/// <summary>One CAMEO event code: its label and Goldstein weight, and the QuadClass of its root.</summary>
public sealed record CameoCode(string Code, string Label, double Goldstein)
{
    /// <summary>The two-digit root ("03").</summary>
    public string Root => Code[..2];

    /// <summary>The three-digit base ("036"), or the root for a root code.</summary>
    public string Base => Code.Length >= 3 ? Code[..3] : Code;

    /// <summary>GDELT's QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).</summary>
    public int QuadClass => int.Parse(Root, CultureInfo.InvariantCulture) switch
    {
        <= 5 => 1,
        <= 8 => 2,
        <= 13 => 3,
        _ => 4,
    };
}

/// <summary>The CAMEO codebook, loaded once from <c>Data/Events/cameo.tsv</c>.</summary>
public sealed class Codebook
{
    private static readonly Lazy<Codebook> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, CameoCode> codes;

    private Codebook(FrozenDictionary<string, CameoCode> codes) => this.codes = codes;

    /// <summary>The codebook shipped with the library.</summary>
    public static Codebook Default => LazyDefault.Value;

    /// <summary>Every code, keyed by its digits.</summary>
    public IReadOnlyDictionary<string, CameoCode> Codes => codes;

    /// <summary>The code, or null when the codebook has no such code.</summary>
    public CameoCode? Find(string code) => codes.GetValueOrDefault(code);

    private static Codebook Load()
    {
        var codes = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        foreach (var line in DataFile.Lines("Events/cameo.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new FormatException($"cameo.tsv: expected code, weight and label in '{line}'.");
            }

            codes[parts[0]] = new CameoCode(parts[0], parts[2], double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return new Codebook(codes.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
