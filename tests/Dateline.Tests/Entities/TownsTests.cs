using Dateline.Data;
using Dateline.Geo;

namespace Dateline.Tests.Entities;

/// <summary>The towns file is searched in place, so its order is part of its format.</summary>
public sealed class TownsTests
{
    [Fact]
    public void The_towns_file_is_sorted_by_name_in_ordinal_order_so_binary_search_finds_every_row()
    {
        var names = DataFile.Lines("Geo/towns.txt").Select(l => l[..l.IndexOf('\t', StringComparison.Ordinal)]).ToList();

        Assert.True(names.Count > 20_000);
        for (var i = 1; i < names.Count; i++)
        {
            Assert.True(string.CompareOrdinal(names[i - 1], names[i]) <= 0, $"'{names[i - 1]}' before '{names[i]}'");
        }
    }

    [Fact]
    public void Every_sampled_name_form_of_the_file_is_found_with_its_country()
    {
        var gazetteer = Gazetteer.Default;
        foreach (var line in DataFile.Lines("Geo/towns.txt").Where((_, i) => i % 97 == 0))
        {
            var fields = line.Split('\t');
            Assert.Equal(fields[0], gazetteer.Town(fields[0])?.Name);

            // One of the places of that name has the row's country; territories countries.txt does
            // not list (Réunion, Guam) keep none.
            var country = gazetteer.Alpha2.GetValueOrDefault(fields[1].ToLowerInvariant());
            Assert.Contains(gazetteer.Lookup(fields[0]), p => p.Country == country);
        }
    }

    [Fact]
    public void A_bare_name_that_is_both_a_large_city_and_a_division_is_the_city_first()
    {
        var places = Gazetteer.Default.Lookup("Donetsk");

        Assert.Equal("city", places[0].Feature);
        Assert.Contains(places, p => p.Feature == "admin1" && p.Country == "UKR");
    }

    [Fact]
    public void A_plain_spelling_finds_a_town_written_with_transliteration_marks() =>
        Assert.Equal("PSE", Gazetteer.Default.Town("Rafah")?.Country);

    [Fact]
    public void An_unknown_name_is_no_town() =>
        Assert.Null(Gazetteer.Default.Town("Zzyzxville"));
}
