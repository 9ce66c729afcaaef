using Dateline.Entities;
using Dateline.Model;

namespace Dateline.Tests.Entities;

public sealed class EntityLookupTests
{
    private static readonly Document Article = Pipeline.Default.Analyze(new Document(
        "Kremlin spokesperson Dmitry Peskov refused to comment. He said the talks were over.", SourceInfo.Stdin));

    [Fact]
    public void A_pronoun_span_finds_the_person_it_stands_for()
    {
        var he = Article.Text.IndexOf("He said", StringComparison.Ordinal);
        var found = Article.MentionAt(he, he + 2);

        Assert.NotNull(found);
        Assert.Equal("Dmitry Peskov", found.Value.Entity.Name);
        Assert.Equal("pronoun", found.Value.Mention.Kind);
    }

    [Fact]
    public void A_span_without_mentions_finds_nothing()
    {
        var refused = Article.Text.IndexOf("refused", StringComparison.Ordinal);
        Assert.Null(Article.MentionAt(refused, refused + 7));
    }

    [Fact]
    public void Entities_are_found_by_id()
    {
        Assert.Equal("Kremlin", Article.EntityById("E1")?.Name);
        Assert.Null(Article.EntityById("E99"));
    }
}
