using Dateline.Store.Linking;

namespace Dateline.Store.Tests.Linking;

public sealed class NameKeyTests
{
    private static NameKey Person(string name) => NameKey.Parse(name, person: true)!;

    [Theory]
    [InlineData("Zelensky")]
    [InlineData("Zelenskyy")]
    [InlineData("Zelenskiy")]
    [InlineData("Zelenskyi")]
    [InlineData("President Zelensky")]
    [InlineData("ZELENSKY")]
    public void Spellings_and_titles_of_one_surname_give_one_key(string name)
    {
        var key = Person(name);
        Assert.Equal("zelenski", key.Surname);
        Assert.Null(key.Given);
    }

    [Theory]
    [InlineData("Volodymyr Zelensky", "Wolodymyr Zelenskyy")]
    [InlineData("Aleksei Navalny", "Alexey Navalnyy")]
    [InlineData("Recep Tayyip Erdoğan", "Recep Erdogan")]
    [InlineData("Gerhard Schröder", "Gerhard Schroeder")]
    [InlineData("Mohammed Salah", "Mohamed Salah")]
    [InlineData("Natalya Orlova", "Natalia Orlova")]
    [InlineData("Prime Minister Keir Starmer", "Keir Starmer")]
    [InlineData("Martin Luther King Jr.", "Martin King")]
    [InlineData("Secretary of State Ana Lisk", "Ana Lisk")]
    public void Variants_of_a_full_name_share_given_name_and_surname(string a, string b)
    {
        var (x, y) = (Person(a), Person(b));
        Assert.Equal((x.Given, x.Surname), (y.Given, y.Surname));
    }

    [Fact]
    public void Different_given_names_are_different_people_but_an_initial_fits_either()
    {
        Assert.Equal(Person("John Smith").Surname, Person("Jane Smith").Surname);
        Assert.False(NameKey.Compatible(Person("John Smith").Given, Person("Jane Smith").Given));
        Assert.True(NameKey.Compatible(Person("J. Smith").Given, Person("John Smith").Given));
        Assert.True(NameKey.Compatible(null, Person("Jane Smith").Given));
    }

    [Fact]
    public void A_name_that_is_not_a_person_keeps_every_word()
    {
        var key = NameKey.Parse("Foreign Ministry of Ostrel", person: false)!;
        Assert.Equal(4, key.Full.Split(' ').Length);
        Assert.Equal(key.Full, NameKey.Parse("FOREIGN MINISTRY OF OSTREL", person: false)!.Full);
        Assert.Equal(3, NameKey.Parse("Foreign Ministry of Ostrel", person: true)!.Full.Split(' ').Length);
        Assert.Null(NameKey.Parse("--", person: true));
    }

    [Fact]
    public void A_title_alone_is_kept_as_the_name()
    {
        Assert.Equal("president", Person("President").Surname);
    }
}
