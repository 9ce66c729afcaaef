using System.Globalization;
using Dateline.Store.Annotations;

namespace Dateline.Store.Export;

/// <summary>What an export writes.</summary>
public enum ExportKind
{
    /// <summary>Every article's contract JSON, one per line.</summary>
    Json,
    /// <summary>Every event mention as CSV with a header row.</summary>
    Csv,
    /// <summary>GDELT 2.0's event table: deduplicated events, 61 tab-separated columns.</summary>
    GdeltEvents,
    /// <summary>GDELT 2.0's mentions table: one row per event per article, 16 columns.</summary>
    GdeltMentions,
}

/// <summary>
/// Streams a store out row by row, in constant memory, with analysts' corrections applied (the
/// command line and the server write the same files). A rejected event is left out of every table.
/// </summary>
public static class StoreExport
{
    /// <summary>The format named <paramref name="value"/> (json, jsonl, csv, gdelt-events, gdelt-mentions), or null.</summary>
    public static ExportKind? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.ToLowerInvariant() switch
        {
            "json" or "jsonl" => ExportKind.Json,
            "csv" => ExportKind.Csv,
            "gdelt-events" => ExportKind.GdeltEvents,
            "gdelt-mentions" => ExportKind.GdeltMentions,
            _ => null,
        };
    }

    /// <summary>Writes the export and returns the number of rows written.</summary>
    public static long Write(IArticleStore store, ExportKind format, TextWriter writer, CorrectionSet corrections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(corrections);
        long rows = 0;
        switch (format)
        {
            case ExportKind.Json:
                foreach (var json in store.ExportDocuments(cancellationToken))
                {
                    writer.WriteLine(corrections.IsEmpty ? json : corrections.Apply(json, ArticleId(json)));
                    rows++;
                }

                break;
            case ExportKind.Csv:
                writer.WriteLine(Csv.Line(["globalEventId", "article", "event", "day", "code", "baseCode", "rootCode", "quadClass", "goldstein", "sourceActor", "sourceName", "targetActor", "targetName", "location", "lat", "lon", "modality", "sentence", "published", "outlet", "url"]));
                foreach (var mention in store.ExportMentions(cancellationToken))
                {
                    if (corrections.Apply(mention) is not { } m)
                    {
                        continue;
                    }

                    writer.WriteLine(Csv.Line([
                        Num(m.GroupId), m.ArticleId, m.EventId, m.Day, m.Code, m.BaseCode, m.RootCode, Num(m.QuadClass), Num(m.Goldstein),
                        m.SourceActor, m.SourceName, m.TargetActor, m.TargetName, m.LocationName, m.Lat is { } la ? Num(la) : null, m.Lon is { } lo ? Num(lo) : null,
                        m.Modality, Num(m.Sentence), m.Published, m.Outlet, m.Uri]));
                    rows++;
                }

                break;
            case ExportKind.GdeltEvents:
                foreach (var group in store.ExportEventGroups(cancellationToken))
                {
                    if (corrections.Apply(group.First) is not { } first)
                    {
                        continue;
                    }

                    writer.WriteLine(Gdelt.EventRow(group with { First = first }));
                    rows++;
                }

                break;
            default:
                foreach (var mention in store.ExportMentions(cancellationToken))
                {
                    if (corrections.Apply(mention) is { } m)
                    {
                        writer.WriteLine(Gdelt.MentionRow(m));
                        rows++;
                    }
                }

                break;
        }

        return rows;
    }

    // The id is the contract's second field; reading it needs no full parse of the article.
    private static string ArticleId(string json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == System.Text.Json.JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                return reader.GetString() ?? "";
            }

            if (reader.TokenType is System.Text.Json.JsonTokenType.StartObject or System.Text.Json.JsonTokenType.StartArray && reader.CurrentDepth >= 1)
            {
                reader.Skip();
            }
        }

        return "";
    }

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
