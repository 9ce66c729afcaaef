using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dateline.Model;

namespace Dateline.Json;

/// <summary>
/// Writes a document as CONTRACT.md's JSON (<c>dateline.document/1</c>): fixed field names and
/// order, every array present, absent knowledge as null. The output is a pure function of the
/// document, so the same analysis gives the same bytes.
/// </summary>
public static class DocumentJson
{
    /// <summary>The schema name written in every document.</summary>
    public const string Schema = "dateline.document/1";

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The document's JSON as a string.</summary>
    public static string ToJson(Document document, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(4096, document?.Text.Length * 4 ?? 0));
        Write(document!, buffer, indented);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the document's JSON (UTF-8) to <paramref name="output"/>.</summary>
    public static void Write(Document document, IBufferWriter<byte> output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = Encoder });
        Write(document, w);
    }

    /// <summary>Writes the document as one JSON object on <paramref name="w"/>.</summary>
    public static void Write(Document document, Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("id", document.Id);
        w.WriteStartObject("source");
        w.WriteString("kind", document.Source.Kind);
        w.WriteString("uri", document.Source.Uri);
        w.WriteString("outlet", document.Source.Outlet);
        w.WriteEndObject();
        w.WriteString("title", document.Title);
        WriteStrings(w, "authors", document.Authors);
        w.WriteString("published", document.Published?.ToString());
        w.WriteString("publishedFrom", document.PublishedFrom);
        w.WriteString("language", document.Language);
        w.WriteString("modified", document.Modified?.ToString());
        w.WriteString("description", document.Description);
        w.WriteString("text", document.Text);

        w.WriteStartArray("removed");
        foreach (var r in document.Removed)
        {
            w.WriteStartObject();
            w.WriteString("text", r.Text);
            w.WriteString("reason", r.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSpans(w, "paragraphs", document.Paragraphs);
        WriteSpans(w, "sentences", document.Sentences);

        w.WriteStartArray("entities");
        foreach (var e in document.Entities)
        {
            WriteEntity(w, e);
        }

        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in document.Quotes)
        {
            w.WriteStartObject();
            w.WriteString("id", q.Id);
            w.WriteString("kind", q.Kind);
            w.WriteNumber("start", q.Start);
            w.WriteNumber("end", q.End);
            w.WriteString("text", q.Text);
            w.WriteString("speaker", q.Speaker);
            w.WriteString("speakerName", q.SpeakerName);
            WriteAnchor(w, "cue", q.Cue);
            w.WriteNumber("confidence", Math.Round(q.Confidence, 3));
            WriteSpans(w, "parts", q.Parts);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("timexes");
        foreach (var t in document.Timexes)
        {
            w.WriteStartObject();
            w.WriteString("id", t.Id);
            w.WriteNumber("start", t.Start);
            w.WriteNumber("end", t.End);
            w.WriteString("text", t.Text);
            w.WriteString("type", t.Type);
            w.WriteString("value", t.Value);
            if (t.Mod is not null)
            {
                w.WriteString("mod", t.Mod);
            }

            w.WriteString("anchor", t.Anchor);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var v in document.Events)
        {
            WriteEvent(w, v);
        }

        w.WriteEndArray();

        w.WriteStartArray("figures");
        foreach (var f in document.Figures)
        {
            w.WriteStartObject();
            w.WriteNumber("start", f.Start);
            w.WriteNumber("end", f.End);
            w.WriteString("text", f.Text);
            w.WriteNumber("value", f.Value);
            w.WriteString("unit", f.Unit);
            w.WriteBoolean("approximate", f.Approximate);
            w.WriteString("measures", f.Measures);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        w.WriteString("name", e.Name);
        WriteStrings(w, "titles", e.Titles);
        w.WriteString("actor", e.Actor);
        w.WriteString("country", e.Country);
        if (e.Geo is { } g)
        {
            w.WriteStartObject("geo");
            w.WriteString("country", g.Country);
            w.WriteNumber("lat", g.Lat);
            w.WriteNumber("lon", g.Lon);
            w.WriteString("feature", g.Feature);
            if (g.GeonamesId is { } gid)
            {
                w.WriteNumber("geonamesId", gid);
            }
            else
            {
                w.WriteNull("geonamesId");
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("geo");
        }

        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WriteString("text", m.Text);
            w.WriteString("kind", m.Kind);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, Event v)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Id);
        w.WriteString("code", v.Code);
        w.WriteString("baseCode", v.BaseCode);
        w.WriteString("rootCode", v.RootCode);
        w.WriteString("label", v.Label);
        w.WriteNumber("quadClass", v.QuadClass);
        w.WriteNumber("goldstein", v.Goldstein);
        w.WriteString("source", v.Source);
        w.WriteString("target", v.Target);
        w.WriteString("sourceActor", v.SourceActor);
        w.WriteString("targetActor", v.TargetActor);
        w.WriteString("date", v.Date);
        w.WriteString("dateFrom", v.DateFrom);
        w.WriteString("location", v.Location);
        w.WriteString("modality", v.Modality);
        WriteAnchor(w, "trigger", v.Trigger);
        w.WriteNumber("sentence", v.Sentence);
        w.WriteString("quote", v.Quote);
        w.WriteNumber("mentions", v.Mentions);
        w.WriteEndObject();
    }

    private static void WriteAnchor(Utf8JsonWriter w, string name, Anchor? anchor)
    {
        if (anchor is not { } a)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("start", a.Start);
        w.WriteNumber("end", a.End);
        w.WriteString("text", a.Text);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteSpans(Utf8JsonWriter w, string name, ImmutableArray<TextSpan> spans)
    {
        w.WriteStartArray(name);
        foreach (var s in spans)
        {
            w.WriteStartArray();
            w.WriteNumberValue(s.Start);
            w.WriteNumberValue(s.End);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
