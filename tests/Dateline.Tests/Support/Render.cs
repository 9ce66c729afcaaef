using System.Text;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Tests.Support;

/// <summary>Turns documents into the plain-text forms the spec files expect.</summary>
public static class Render
{
    public static Document Analyze(string input, string? published = null)
    {
        var options = new ReadOptions { Published = published is null ? null : PublicationDate.TryParse(published) };
        var read = ArticleReader.Default.Read(input, new SourceInfo("api", null, null), options);
        Assert.True(read.Succeeded, read.Error?.Message);
        return Pipeline.Default.Analyze(read.Value!);
    }

    /// <summary>
    /// The text analysed as it stands, with no reading or unwrapping of lines (as the eval commands
    /// give their gold texts): for rules about line breaks inside a paragraph.
    /// </summary>
    public static Document AnalyzeAsIs(string input, string? published = null) =>
        Pipeline.Default.Analyze(new Document(input, new SourceInfo("file", "spec", null)) { Published = published is null ? null : PublicationDate.TryParse(published) });

    /// <summary>One sentence a line in brackets; a blank line between paragraphs.</summary>
    public static string Sentences(Document d)
    {
        var sb = new StringBuilder();
        var paragraph = 0;
        foreach (var s in d.Sentences)
        {
            var p = 0;
            while (p < d.Paragraphs.Length && d.Paragraphs[p].End < s.End)
            {
                p++;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
                if (p != paragraph)
                {
                    sb.Append('\n');
                }
            }

            paragraph = p;
            sb.Append('[').Append(d[s]).Append(']');
        }

        return sb.ToString();
    }

    /// <summary>One token a line: a kind letter (W word, N number, P punctuation, Q quote mark, S symbol) and the token.</summary>
    public static string Tokens(Document d) =>
        string.Join('\n', d.Tokens.Select(t => $"{Letter(t.Kind)} {d[t.Span]}"));

    /// <summary>The article text, then a line per removal.</summary>
    public static string Reading(Document d)
    {
        var sb = new StringBuilder(d.Text);
        foreach (var r in d.Removed)
        {
            sb.Append("\nremoved ").Append(r.Reason).Append(": ").Append(r.Text);
        }

        return sb.ToString();
    }

    private static char Letter(TokenKind kind) => kind switch
    {
        TokenKind.Word => 'W',
        TokenKind.Number => 'N',
        TokenKind.Punctuation => 'P',
        TokenKind.QuoteMark => 'Q',
        _ => 'S',
    };
}
