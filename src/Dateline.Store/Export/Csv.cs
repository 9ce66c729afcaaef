using System.Text;

namespace Dateline.Store.Export;

/// <summary>RFC 4180 CSV fields: quoted when they hold a comma, quote or line break.</summary>
public static class Csv
{
    /// <summary>One CSV line (without the line end) of the given fields.</summary>
    public static string Line(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var builder = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            if (field is null)
            {
                continue;
            }

            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append(field);
            }
        }

        return builder.ToString();
    }
}
