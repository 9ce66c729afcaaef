using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Store.Tests.Support;

/// <summary>
/// Articles written for these tests, with entity, quote, timex and event layers filled by hand
/// (the analysis stages for them are built elsewhere): a small world of fictional ministers and
/// ports where every query has one right answer.
/// </summary>
public static class Corpus
{
    public const string HarborText =
        "Marvania and Ostrel signed a harbor accord in Port Lumen on Monday after three days of talks. "
        + "Marvanian foreign minister Ilse Varga said the agreement would reopen the northern shipping lanes. "
        + "\"We have waited a long time for ships to move again,\" Varga told reporters at the harbor. "
        + "Ostrel's trade minister Tomas Brell promised customs checks would be shortened within a month. "
        + "Fishing crews along the coast welcomed the news, though some warned that the fees remain high.";

    public const string BorderText =
        "Ostrel accused Marvania on Thursday of moving troops close to the eastern border crossing at Velm. "
        + "Tomas Brell called the deployment a provocation and demanded that the soldiers withdraw. "
        + "\"This is not how neighbours behave after signing an accord,\" Brell said in a statement. "
        + "Marvanian officials denied any buildup and described the movements as a routine training exercise. "
        + "Farmers near the crossing said convoys had passed through their villages overnight.";

    public const string FloodText =
        "Heavy rain flooded the old quarter of Corvin on Saturday, closing schools and two bridges. "
        + "Mayor Ana Lisk said pumps were running through the night and asked residents to stay indoors. "
        + "Engineers expect the river to fall by Tuesday if the forecast holds and no more storms arrive. "
        + "Volunteers filled sandbags outside the library while shopkeepers moved stock to upper floors.";

    public const string CoastText =
        "Coastal towns prepared for the return of cargo traffic this week. "
        + "Dock workers in Sella repainted the loading cranes, and the port authority hired forty new pilots. "
        + "The accord between the two governments was signed at a ceremony attended by both foreign ministers.";

    public const string VisitText =
        "Two ministers toured the flooded districts of Corvin by boat on Thursday afternoon. "
        + "Ilse Varga and Tomas Brell promised money for new flood walls and spoke with families in shelters. "
        + "Local officials said the visit was the first by foreign ministers since the river burst its banks.";

    public const string SummitText =
        "Ilse Varga and Tomas Brell will meet again at a regional summit planned for the autumn. "
        + "Diplomats said the agenda would cover fishing quotas, rail links and the future of the customs union. "
        + "Neither ministry would confirm the venue, which is expected to be announced next month.";

    public static Document Analyzed(string text, string outlet, string published, string? title = null, string? uri = null)
    {
        var document = new Document(text, new SourceInfo("jsonl", uri ?? $"https://{outlet}/story", outlet))
        {
            Title = title,
            Published = PublicationDate.TryParse(published),
            PublishedFrom = "option",
        };
        // Text structure from the real pipeline; every analysis layer is set by hand below, so
        // that the expected answers do not move when the analysis stages improve.
        return Pipeline.Default.Analyze(document) with { Entities = [], Quotes = [], Timexes = [], Events = [], Figures = [] };
    }

    public static Entity Person(string id, string name, string actor, string country, string text, params string[] mentions) =>
        new(id, "PERSON", name, [], actor, country, null, Mentions(text, mentions));

    public static Entity Place(string id, string name, string country, double lat, double lon, string text) =>
        new(id, "GPE", name, [], null, country, new GeoPoint(country, lat, lon, "city", null), Mentions(text, name));

    public static Event Event(string id, string code, double goldstein, int quad, string? source, string? sourceActor, string? target, string? targetActor, string? date, string trigger, string text, string? location = null) =>
        new(id, code, code.Length > 3 ? code[..3] : code, code[..2], "label " + code, quad, goldstein, source, target, sourceActor, targetActor,
            date, date is null ? "published" : "T1", location, "asserted", Anchor(text, trigger), 0, null);

    public static Anchor Anchor(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{word}' is not in the test text");
        return new Anchor(at, at + word.Length, word);
    }

    private static ImmutableArray<Mention> Mentions(string text, params string[] words) =>
        [.. words.Select(w =>
        {
            var a = Anchor(text, w);
            return new Mention(a.Start, a.End, w, "name");
        })];

    /// <summary>The harbor accord, with its people, quote, date and a signing event.</summary>
    public static Document Harbor(string outlet = "harbor-times.example", string published = "2026-03-03")
    {
        var d = Analyzed(HarborText, outlet, published, "Harbor accord signed");
        var quoteText = "We have waited a long time for ships to move again,";
        var q = Anchor(HarborText, quoteText);
        return d with
        {
            Entities =
            [
                Person("E1", "Ilse Varga", "MRVGOV", "MRV", HarborText, "Ilse Varga", "Varga"),
                Person("E2", "Tomas Brell", "OSTGOV", "OST", HarborText, "Tomas Brell"),
                Place("E3", "Port Lumen", "MRV", 44.5, 12.25, HarborText),
            ],
            Quotes = [new Quote("Q1", "direct", q.Start, q.End, quoteText, "E1", "Varga", Anchor(HarborText, "told"), 0.95)],
            Timexes = [new Timex("T1", Anchor(HarborText, "Monday").Start, Anchor(HarborText, "Monday").End, "Monday", "DATE", "2026-03-02", "published")],
            Events =
            [
                Event("V1", "057", 8.0, 1, "E1", "MRVGOV", "E2", "OSTGOV", "2026-03-02", "signed", HarborText, location: "E3"),
                Event("V2", "0311", 5.2, 1, "E2", "OSTGOV", "E1", "MRVGOV", "2026-04", "promised", HarborText),
            ],
        };
    }

    /// <summary>The border dispute three days later, with a threat and a demand.</summary>
    public static Document Border(string outlet = "ostrel-daily.example", string published = "2026-03-06")
    {
        var d = Analyzed(BorderText, outlet, published, "Ostrel accuses Marvania over troops");
        var quoteText = "This is not how neighbours behave after signing an accord,";
        var q = Anchor(BorderText, quoteText);
        return d with
        {
            Entities =
            [
                Person("E1", "Tomas Brell", "OSTGOV", "OST", BorderText, "Tomas Brell", "Brell"),
                new Entity("E2", "GPE", "Marvania", [], "MRV", "MRV", null, [new Mention(Anchor(BorderText, "Marvania").Start, Anchor(BorderText, "Marvania").End, "Marvania", "name")]),
            ],
            Quotes = [new Quote("Q1", "direct", q.Start, q.End, quoteText, "E1", "Brell", Anchor(BorderText, "said"), 0.9)],
            Events =
            [
                Event("V1", "112", -2.0, 3, "E1", "OSTGOV", "E2", "MRV", "2026-03-05", "accused", BorderText),
                Event("V2", "1056", -5.0, 3, "E1", "OSTGOV", "E2", "MRV", null, "demanded", BorderText),
            ],
        };
    }

    /// <summary>A story with no actors: something to search and not to find in event queries.</summary>
    public static Document Flood() => Analyzed(FloodText, "corvin-post.example", "2026-03-07", "Corvin floods");

    /// <summary>The harbor story republished by another outlet: a new dateline and a credit line, other quote marks.</summary>
    public static Document HarborCopy()
    {
        var text = "PORT LUMEN (Wire) - " + HarborText.Replace("\"", "\u201C", StringComparison.Ordinal) + " Reporting by a staff writer.";
        return Analyzed(text, "wire-mirror.example", "2026-03-04", "Harbor accord signed (wire)");
    }
}
