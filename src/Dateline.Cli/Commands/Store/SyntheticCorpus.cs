using System.Collections.Immutable;
using System.Text;
using Dateline.Model;

namespace Dateline.Cli.Commands.Store;

/// <summary>
/// A generated corpus for measuring the store at scale: articles of a few hundred words from a
/// small grammar of invented countries and people, with entity, quote and event layers filled in,
/// so that timelines, networks and searches have real work to do. Deterministic for a seed.
/// </summary>
internal sealed class SyntheticCorpus(int seed)
{
    private static readonly (string Country, string Code, string Person)[] Actors =
    [
        ("Marvania", "MRV", "Ilse Varga"), ("Ostrel", "OST", "Tomas Brell"), ("Corvinia", "CRV", "Ana Lisk"),
        ("Dalmore", "DLM", "Piet Orlan"), ("Essavia", "ESV", "Mira Tasch"), ("Fennick", "FNK", "Oskar Veld"),
        ("Galvenia", "GLV", "Rena Holt"), ("Harth", "HRT", "Jonas Mael"), ("Istria Nova", "ISN", "Lea Corran"),
        ("Jorvland", "JRV", "Emil Strand"), ("Kessary", "KSR", "Nadia Fray"), ("Lunmark", "LNM", "Viktor Oss"),
    ];

    private static readonly (string Code, string Verb, double Goldstein, int Quad)[] Deeds =
    [
        ("036", "offered to meet", 4.0, 1), ("057", "signed an agreement with", 8.0, 1), ("042", "hosted a visit by", 1.9, 1),
        ("0311", "promised aid to", 5.2, 2), ("112", "accused", -2.0, 3), ("1056", "demanded concessions from", -5.0, 3),
        ("138", "threatened", -7.0, 3), ("190", "clashed with", -10.0, 4), ("071", "sent aid to", 7.4, 2), ("046", "held talks with", 7.0, 1),
    ];

    private static readonly string[] Topics = ["grain exports", "river rights", "the rail corridor", "fishing quotas", "border tolls", "power lines", "refugee camps", "port fees", "mining permits", "water treaties"];
    private static readonly string[] Fillers =
    [
        "Analysts said the move had been expected for several weeks.",
        "Markets in the capital reacted calmly to the news.",
        "Opposition lawmakers called for a debate in parliament.",
        "Diplomats described the mood at the meeting as tense but workable.",
        "Local newspapers carried the story on their front pages.",
        "Officials declined to give further details on the timetable.",
    ];

    private readonly Random random = new(seed);

    public Document Next(int n)
    {
        var a = Actors[random.Next(Actors.Length)];
        var b = Actors[random.Next(Actors.Length)];
        if (a.Code == b.Code)
        {
            b = Actors[(Array.IndexOf(Actors, a) + 1) % Actors.Length];
        }

        var deed = Deeds[random.Next(Deeds.Length)];
        var topic = Topics[random.Next(Topics.Length)];
        var day = new DateOnly(2024, 1, 1).AddDays(random.Next(730));
        var text = new StringBuilder();
        var lead = $"{a.Person} of {a.Country} {deed.Verb} {b.Country} over {topic} on {day.DayOfWeek}, report number {n}.";
        text.Append(lead).Append(' ');
        var quoteText = $"We will not accept any delay on {topic}";
        text.Append('"').Append(quoteText).Append(",\" ").Append(a.Person).Append(" said. ");
        // Every sentence carries its own numbers and names, so that articles share phrases (as
        // real ones do) without being near-copies of each other.
        for (var i = 0; i < 8; i++)
        {
            var other = Actors[random.Next(Actors.Length)];
            text.Append(Fillers[random.Next(Fillers.Length)]).Append(' ');
            text.Append($"In district {random.Next(1, 90)} of {other.Country}, {random.Next(2, 900)} people gathered as {other.Person} spoke about {Topics[random.Next(Topics.Length)]} for {random.Next(5, 95)} minutes. ");
            text.Append($"Talks on {Topics[random.Next(Topics.Length)]} are set to resume within {random.Next(2, 40)} days, aide {random.Next(100, 999)} said. ");
        }

        text.Append($"{b.Person} of {b.Country} is due to respond by the end of the month.");
        var body = text.ToString();
        var document = Pipeline.Default.Analyze(new Document(body, new SourceInfo("jsonl", $"https://news{n % 37}.example/{n}", $"news{n % 37}.example"))
        {
            Title = $"{a.Country} and {b.Country} at odds over {topic}",
            Published = new PublicationDate(day.AddDays(random.Next(0, 3))),
            PublishedFrom = "option",
        });

        var personA = Mention(body, a.Person);
        var countryB = Mention(body, b.Country);
        var quoteStart = body.IndexOf(quoteText, StringComparison.Ordinal);
        var verb = body.IndexOf(deed.Verb, StringComparison.Ordinal);
        return document with
        {
            Entities =
            [
                new Entity("E1", "PERSON", a.Person, ["minister"], a.Code + "GOV", a.Code, null, [personA]),
                new Entity("E2", "GPE", b.Country, [], b.Code, b.Code, null, [countryB]),
                new Entity("E3", "PERSON", b.Person, ["minister"], b.Code + "GOV", b.Code, null, [Mention(body, b.Person)]),
            ],
            Quotes = [new Quote("Q1", "direct", quoteStart, quoteStart + quoteText.Length, quoteText, "E1", a.Person, null, 0.9)],
            Events =
            [
                new Event("V1", deed.Code, deed.Code.Length > 3 ? deed.Code[..3] : deed.Code, deed.Code[..2], deed.Verb, deed.Quad, deed.Goldstein, "E1", "E2",
                    a.Code + "GOV", b.Code, Keys(day), "published", null, "asserted", new Anchor(verb, verb + deed.Verb.Length, deed.Verb), 0, null),
            ],
        };
    }

    private static string Keys(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Mention Mention(string text, string name)
    {
        var at = text.IndexOf(name, StringComparison.Ordinal);
        return new Mention(at, at + name.Length, name, "name");
    }

    public static ImmutableArray<string> ActorCodes => [.. Actors.Select(a => a.Code + "GOV")];

    public static ImmutableArray<string> People => [.. Actors.Select(a => a.Person)];

    public static ImmutableArray<string> SearchTerms => [.. Topics.Select(t => t.Split(' ')[^1]), "analysts", "parliament delay", "markets calmly"];
}
