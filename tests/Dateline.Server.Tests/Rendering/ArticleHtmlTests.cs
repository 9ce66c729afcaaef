using System.Xml.Linq;
using Dateline.Json;
using Dateline.Model;
using Dateline.Server.Rendering;

namespace Dateline.Server.Tests.Rendering;

public sealed class ArticleHtmlTests
{
    private static ArticleView Analysed(string text) =>
        ArticleView.Parse(DocumentJson.ToJson(Pipeline.Default.Analyze(new Document(text, new SourceInfo("api", null, null)) { Published = PublicationDate.TryParse("2026-03-02") })));

    // The body must be well-formed (tags nest) for any article: parse it as XML.
    private static XElement Parse(string html) => XElement.Parse("<body>" + html + "</body>", LoadOptions.PreserveWhitespace);

    [Fact]
    public void The_text_reads_the_same_with_the_marks_and_without_the_speaker_tips()
    {
        var view = Analysed(Support.TestServer.Article);
        var body = Parse(ArticleHtml.Render(view));
        foreach (var tip in body.Descendants("span").Where(s => (string?)s.Attribute("class") == "tip").ToList())
        {
            tip.Remove();
        }

        var paragraphs = body.Elements("p").Select(p => p.Value).ToList();
        Assert.Equal(view.Paragraphs.Select(p => view.Text[p.Start..p.End]), paragraphs);
    }

    [Fact]
    public void A_quote_shows_its_speaker_and_can_take_keyboard_focus()
    {
        var body = Parse(ArticleHtml.Render(Analysed(Support.TestServer.Article)));
        var quote = body.Descendants("span").First(s => (string?)s.Attribute("data-quote") is not null && ((string?)s.Attribute("class"))!.Contains("quote-direct", StringComparison.Ordinal));
        Assert.Equal("0", (string?)quote.Attribute("tabindex"));
        Assert.Equal("Anna Nowak", (string?)quote.Attribute("data-speaker"));
        var tip = quote.Elements("span").First();
        Assert.Equal("tooltip", (string?)tip.Attribute("role"));
        Assert.Equal((string?)tip.Attribute("id"), (string?)quote.Attribute("aria-describedby"));
        Assert.Equal("Said by Anna Nowak", tip.Value);
    }

    [Fact]
    public void Mentions_dates_and_triggers_link_to_their_entries()
    {
        var view = Analysed(Support.TestServer.Article);
        var links = Parse(ArticleHtml.Render(view)).Descendants("a").ToList();
        Assert.Contains(links, a => (string?)a.Attribute("href") == "#e-" + view.Entities.First(e => e.Name == "Anna Nowak").Id);
        Assert.Contains(links, a => ((string?)a.Attribute("class"))!.StartsWith("tx", StringComparison.Ordinal) && a.Value == "Monday");
        Assert.Contains(links, a => (string?)a.Attribute("id") == "trig-" + view.Events[0].Id && a.Value == view.Events[0].Trigger.Text);
    }

    [Fact]
    public void Markup_in_the_article_text_is_shown_as_text()
    {
        var view = Analysed("Poland accused Russia of <b>jamming</b> signals & more.\n\nA second paragraph.");
        var html = ArticleHtml.Render(view);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Parse(html);
    }

    [Fact]
    public void A_quote_over_two_paragraphs_is_cut_into_one_piece_in_each()
    {
        // Built by hand: whether the quote stage joins the paragraphs is its own tests' business.
        const string json = """
            {"id":"d-1","text":"Nowak said:\n\nWe will open the line.\n\nAnd keep it open.","paragraphs":[[0,11],[13,35],[37,54]],"sentences":[],
             "entities":[{"id":"E1","type":"PERSON","name":"Anna Nowak","titles":[],"actor":null,"country":null,"mentions":[{"start":0,"end":5,"text":"Nowak","kind":"name"}]}],
             "quotes":[{"id":"Q1","kind":"direct","start":13,"end":54,"text":"…","speaker":"E1","speakerName":"Anna Nowak","cue":null}],
             "timexes":[],"events":[]}
            """;
        var body = Parse(ArticleHtml.Render(ArticleView.Parse(json)));
        var pieces = body.Descendants("span").Where(s => (string?)s.Attribute("data-quote") == "Q1").ToList();
        Assert.Equal(2, pieces.Count);
        Assert.Equal(2, pieces.Select(p => p.Parent).Distinct().Count());
        Assert.Equal("q-Q1", (string?)pieces[0].Attribute("id"));
        Assert.Null(pieces[1].Attribute("id"));
    }
}

public sealed class CommentAndNetworkRenderingTests
{
    [Fact]
    public void Raw_html_in_markdown_is_escaped_not_passed_through()
    {
        var html = CommentHtml.Render("a <b onclick=\"x()\">bold</b> move");
        Assert.DoesNotContain("<b", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b onclick", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-10, "#b2182b")]
    [InlineData(0, "#888888")]
    [InlineData(10, "#2166ac")]
    public void Edge_colours_run_from_red_for_conflict_to_blue_for_cooperation(double goldstein, string colour) =>
        Assert.Equal(colour, NetworkSvg.Colour(goldstein));

    [Fact]
    public void The_network_draws_one_arrow_per_pair_and_names_every_actor()
    {
        var svg = XElement.Parse(NetworkSvg.Render([new("POLGOV", "RUSGOV", 3, 2, -4.0), new("DEUGOV", "POLGOV", 1, 1, 3.0)]));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(2, svg.Descendants(ns + "line").Count());
        Assert.Equal(["DEUGOV", "POLGOV", "RUSGOV"], svg.Descendants(ns + "text").Select(t => t.Value).Order(StringComparer.Ordinal));
    }
}
