using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Dateline.Store;

namespace Dateline.Server.Rendering;

/// <summary>
/// The actor network as an SVG drawn on the server: actors on a circle (busiest first, from the
/// top, clockwise), an arrow per pair from source to target, as thick as its event count and
/// coloured by its mean Goldstein score, red for conflict through grey to blue for cooperation.
/// </summary>
public static class NetworkSvg
{
    private const double Size = 640;
    private const double Radius = 230;

    /// <summary>The SVG element for <paramref name="edges"/> (at most the first 40 actors are drawn).</summary>
    public static string Render(IReadOnlyList<NetworkEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var weight = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in edges)
        {
            weight[e.Source] = weight.GetValueOrDefault(e.Source) + e.Events;
            weight[e.Target] = weight.GetValueOrDefault(e.Target) + e.Events;
        }

        var actors = weight.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(40).Select(p => p.Key).ToList();
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
        {
            var angle = (2 * Math.PI * i / Math.Max(1, actors.Count)) - (Math.PI / 2);
            position[actors[i]] = ((Size / 2) + (Radius * Math.Cos(angle)), (Size / 2) + (Radius * Math.Sin(angle)));
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"network\" viewBox=\"0 0 {Size} {Size}\" role=\"img\" aria-labelledby=\"net-title net-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"net-title\">Actor network</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"net-desc\">{actors.Count} actors and {edges.Count} directed pairs; line width is the number of events, colour the mean Goldstein score (red conflict, blue cooperation). The table below lists the same pairs.</desc>");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        foreach (var e in edges.OrderBy(e => e.Events))
        {
            if (!position.TryGetValue(e.Source, out var a) || !position.TryGetValue(e.Target, out var b) || e.Source == e.Target)
            {
                continue;
            }

            // Stop short of the target's circle so the arrowhead shows.
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
            var (ex, ey) = (b.X - (dx / length * 14), b.Y - (dy / length * 14));
            var width = 1 + (2 * Math.Log2(1 + e.Events));
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{ex:0.#}\" y2=\"{ey:0.#}\" stroke=\"{Colour(e.MeanGoldstein)}\" stroke-width=\"{width:0.#}\" stroke-opacity=\"0.8\" marker-end=\"url(#arrow)\">"
                + $"<title>{Enc(e.Source)} → {Enc(e.Target)}: {e.Events} events in {e.Articles} articles, mean Goldstein {e.MeanGoldstein:0.0}</title></line>");
        }

        foreach (var actor in actors)
        {
            var (x, y) = position[actor];
            var anchor = x < (Size / 2) - 5 ? "end" : x > (Size / 2) + 5 ? "start" : "middle";
            var lx = x + (anchor == "end" ? -14 : anchor == "start" ? 14 : 0);
            var ly = y + (y < Size / 2 ? -14 : 22);
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"/timeline?actor={Uri.EscapeDataString(actor)}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{6 + Math.Min(10, Math.Log2(1 + weight[actor]) * 2):0.#}\" class=\"node\"><title>{Enc(actor)}: {weight[actor]} events</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx:0.#}\" y=\"{ly:0.#}\" text-anchor=\"{anchor}\" class=\"label\">{Enc(actor)}</text></a>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Red (−10) through grey (0) to blue (+10).</summary>
    public static string Colour(double goldstein)
    {
        var t = Math.Clamp(goldstein / 10, -1, 1);
        (int R, int G, int B) grey = (136, 136, 136), red = (178, 24, 43), blue = (33, 102, 172);
        var to = t < 0 ? red : blue;
        var f = Math.Abs(t);
        int Mix(int from, int target) => (int)Math.Round(from + ((target - from) * f));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(grey.R, to.R):x2}{Mix(grey.G, to.G):x2}{Mix(grey.B, to.B):x2}");
    }

    private static string Enc(string value) => HtmlEncoder.Default.Encode(value);
}
