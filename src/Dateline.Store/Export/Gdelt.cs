using System.Globalization;
using System.Text;

namespace Dateline.Store.Export;

/// <summary>
/// Rows of GDELT 2.0's event table (61 tab-separated columns, GLOBALEVENTID … SOURCEURL) and
/// mentions table (16 columns), filled from the store with GDELT's meanings, so GDELT tooling reads
/// them. Where Dateline knows more (the event's own date, modality, quotes) the JSON export carries it.
/// </summary>
/// <remarks>
/// Known differences, all left empty rather than guessed: AvgTone and MentionDocTone (Dateline
/// measures no tone); the Geo_CountryCode and ADM codes (GDELT uses FIPS 10-4, Dateline stores
/// ISO 3166 alpha-3); Actor1/2Geo (Dateline geocodes places, not the actors' whereabouts).
/// SQLDATE is the event's own day when the text dates it, else the publication day; IsRootEvent
/// marks events of the first sentence (GDELT: the lead paragraph).
/// </remarks>
public static class Gdelt
{
    /// <summary>Number of columns of the event table.</summary>
    public const int EventColumns = 61;

    /// <summary>Number of columns of the mentions table.</summary>
    public const int MentionColumns = 16;

    /// <summary>One event-table row (without a line end).</summary>
    public static string EventRow(EventGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var e = group.First;
        var day = FullDay(e.Day) ?? FullDay(group.FirstSeen) ?? FullDay(e.Published);
        var row = new List<string>(EventColumns) { Number(group.Id) };
        if (day is { } d)
        {
            row.Add(d.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            row.Add(d.ToString("yyyyMM", CultureInfo.InvariantCulture));
            row.Add(d.ToString("yyyy", CultureInfo.InvariantCulture));
            row.Add((d.Year + (((d.Month - 1) * 30) + d.Day) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture));
        }
        else
        {
            row.AddRange(["", "", "", ""]);
        }

        Actor(row, e.SourceActor, e.SourceName, e.SourceCountry);
        Actor(row, e.TargetActor, e.TargetName, e.TargetCountry);
        row.Add(e.Sentence == 0 ? "1" : "0");
        row.Add(e.Code);
        row.Add(e.BaseCode);
        row.Add(e.RootCode);
        row.Add(Number(e.QuadClass));
        row.Add(e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture));
        row.Add(Number(group.NumMentions));
        row.Add(Number(group.NumSources));
        row.Add(Number(group.NumArticles));
        row.Add(""); // AvgTone: not measured
        Geo(row, null, null, null, null, null);
        Geo(row, null, null, null, null, null);
        Geo(row, e.LocationName, e.LocationFeature, e.Lat, e.Lon, e.GeonamesId);
        row.Add(Timestamp(group.FirstSeen ?? e.Published));
        row.Add(Clean(e.Uri));
        return string.Join('\t', row);
    }

    /// <summary>One mentions-table row (without a line end).</summary>
    public static string MentionRow(EventMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var eventDay = FullDay(mention.Day) ?? FullDay(mention.Published);
        string[] row =
        [
            Number(mention.GroupId),
            eventDay is { } d ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000" : "",
            Timestamp(mention.Published),
            "1", // MentionType: WEB
            Clean(mention.Outlet),
            Clean(mention.Uri),
            Number(mention.Sentence + 1),
            Number(mention.SourceOffset),
            Number(mention.TargetOffset),
            Number(mention.TriggerOffset),
            "1", // InRawText: found in the article's own text
            mention.Modality == "asserted" ? "100" : "50",
            Number(mention.TextLength),
            "", // MentionDocTone: not measured
            "", // MentionDocTranslationInfo: original language
            "",
        ];
        return string.Join('\t', row);
    }

    // Actor code, name, country, known group, ethnic, religion 1 and 2, type 1 to 3: ten columns.
    private static void Actor(List<string> row, string? code, string? name, string? country)
    {
        code ??= "";
        var knownGroup = "";
        var types = new List<string>();
        var cameoCountry = country ?? "";
        if (code.Length >= 3 && code.Length % 3 == 0)
        {
            var start = 0;
            if (country is null || code.StartsWith(country, StringComparison.Ordinal))
            {
                cameoCountry = code[..3];
                start = 3;
            }

            for (var i = start; i + 3 <= code.Length; i += 3)
            {
                types.Add(code.Substring(i, 3));
            }
        }
        else if (code.Length > 0)
        {
            knownGroup = code;
        }

        row.Add(code);
        row.Add(Clean(name?.ToUpperInvariant()));
        row.Add(cameoCountry);
        row.Add(knownGroup);
        row.Add("");
        row.Add("");
        row.Add("");
        for (var i = 0; i < 3; i++)
        {
            row.Add(i < types.Count ? types[i] : "");
        }
    }

    // Type, full name, country code, ADM1, ADM2, lat, long, feature id: eight columns.
    private static void Geo(List<string> row, string? name, string? feature, double? lat, double? lon, long? featureId)
    {
        if (name is null && lat is null)
        {
            row.AddRange(["0", "", "", "", "", "", "", ""]);
            return;
        }

        row.Add(feature switch
        {
            "country" => "1",
            "region" or "state" or "adm1" => "5",
            _ => "4",
        });
        row.Add(Clean(name));
        row.Add("");
        row.Add("");
        row.Add("");
        row.Add(lat is { } la ? la.ToString("0.####", CultureInfo.InvariantCulture) : "");
        row.Add(lon is { } lo ? lo.ToString("0.####", CultureInfo.InvariantCulture) : "");
        row.Add(featureId is { } id ? Number(id) : "");
    }

    private static DateOnly? FullDay(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Timestamp(string? iso)
    {
        if (FullDay(iso) is not { } day)
        {
            return "";
        }

        var time = iso!.Length >= 19 && TimeOnly.TryParseExact(iso.AsSpan(11, 8), "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : TimeOnly.MinValue;
        return day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + time.ToString("HHmmss", CultureInfo.InvariantCulture);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // A field never holds the separators.
    private static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is '\t' or '\n' or '\r' ? ' ' : c);
        }

        return builder.ToString();
    }
}
