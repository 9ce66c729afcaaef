using System.Globalization;
using System.Text;
using Dateline.Model;

namespace Dateline.Tests.Entities;

/// <summary>Plain-text forms of the entity layer for the spec files.</summary>
public static class EntityRender
{
    /// <summary>
    /// One entity a line: type, name, titles in brackets, then its mentions separated by "; ",
    /// nominals marked "~" and pronouns "*".
    /// </summary>
    public static string Entities(Document d)
    {
        var sb = new StringBuilder();
        foreach (var e in d.Entities)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(e.Type).Append(' ').Append(e.Name);
            if (!e.Titles.IsEmpty)
            {
                sb.Append(" [").Append(string.Join(", ", e.Titles)).Append(']');
            }

            sb.Append(" | ").AppendJoin("; ", e.Mentions.Select(m => m.Text + m.Kind switch
            {
                "nominal" => "~",
                "pronoun" => "*",
                _ => "",
            }));
        }

        return sb.ToString();
    }

    /// <summary>One entity a line: type, name, actor code and country (or "-").</summary>
    public static string Actors(Document d) => string.Join('\n', d.Entities.Select(e =>
        $"{e.Type} {e.Name} = {e.Actor ?? "-"} {e.Country ?? "-"}"));

    /// <summary>One place a line: name, country, feature, coordinates to one decimal, GeoNames id.</summary>
    public static string Places(Document d) => string.Join('\n', d.Entities.Where(e => e.Geo is not null).Select(e =>
        string.Create(CultureInfo.InvariantCulture,
            $"{e.Type} {e.Name} = {e.Geo!.Country ?? "-"} {e.Geo.Feature} {e.Geo.Lat:0.0} {e.Geo.Lon:0.0} {(e.Geo.GeonamesId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "-")}")));
}
