using System.Text;
using Dateline.Model;
using Dateline.Tests.Support;

namespace Dateline.Tests.Time;

/// <summary>
/// The golden spec files of the time stage. Each line of an example's input is analysed as an
/// article of its own (published on the example's <c>published</c> date, or undated), and each
/// line of the expected block lists that line's expressions: <c>text = TYPE value</c>, with
/// <c>(MOD)</c> when a mod is set and <c>@anchor</c> when the example says <c>show: anchor</c>; <c>show: published</c> puts the
/// publication date the stage settled on first.
/// </summary>
public sealed class TimeSpecTests
{
    public static TheoryData<SpecCase> Specs => SpecCase.Load("Time");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Expressions_are_tagged_and_normalized_as_the_spec_says(SpecCase spec)
    {
        var published = spec.Option("published");
        var showAnchor = spec.Option("show") == "anchor";
        var showPublished = spec.Option("show") == "published";
        var lines = spec.Input.Split('\n');
        var expected = spec.Expected.Split('\n');
        Assert.True(lines.Length == expected.Length, $"{spec}: {lines.Length} input lines but {expected.Length} expected lines");
        var actual = string.Join('\n', lines.Select(line => RenderLine(line, published, showAnchor, showPublished)));
        Assert.Equal(spec.Expected, actual);
    }

    internal static string RenderLine(string line, string? published, bool showAnchor, bool showPublished = false)
    {
        var d = new Document(line, SourceInfo.Stdin);
        if (published is not null)
        {
            d = d with { Published = PublicationDate.TryParse(published), PublishedFrom = "option" };
        }

        d = Pipeline.Default.Analyze(d);
        var timexes = d.Timexes.IsEmpty ? "-" : string.Join(" | ", d.Timexes.Select(t => Render(t, showAnchor)));
        return showPublished ? $"published {d.Published?.ToString() ?? "none"} from {d.PublishedFrom} || {timexes}" : timexes;
    }

    internal static string Render(Timex t, bool showAnchor)
    {
        var sb = new StringBuilder().Append(t.Text).Append(" = ").Append(t.Type).Append(' ').Append(t.Value);
        if (t.Mod is { } mod)
        {
            sb.Append(" (").Append(mod).Append(')');
        }

        if (showAnchor)
        {
            sb.Append(" @").Append(t.Anchor);
        }

        return sb.ToString();
    }
}
