using Dateline.Data;

namespace Dateline.Tests.Entities;

/// <summary>
/// The actor dictionaries are read into maps keyed by name, where a second line with the same name
/// is silently ignored: a name listed twice is a mistake of the data, caught here.
/// </summary>
public sealed class DictionaryTests
{
    [Theory]
    [InlineData("Actors/people.txt")]
    [InlineData("Entities/organizations.txt")]
    public void No_name_or_alias_is_listed_twice(string file)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var twice = new List<string>();
        foreach (var line in DataFile.Lines(file))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                continue;
            }

            foreach (var alias in line[..bar].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!seen.TryAdd(alias, line))
                {
                    twice.Add($"'{alias}': '{seen[alias]}' and '{line}'");
                }
            }
        }

        Assert.True(seen.Count > 300);
        Assert.Empty(twice);
    }
}
