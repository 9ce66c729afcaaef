using Dateline.Server.Hosting;
using Dateline.Store;
using Dateline.Store.Annotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>Search with filters; without words, the latest articles.</summary>
public sealed class IndexModel(StorePool stores) : PageModel
{
    /// <summary>Results per page.</summary>
    public const int PageSize = 25;

    /// <summary>The words searched, or null.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>First publication day.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last publication day.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>Only this outlet.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    /// <summary>Where the page starts.</summary>
    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    /// <summary>The page of results.</summary>
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    /// <summary>True when a next page exists.</summary>
    public bool HasMore { get; private set; }

    /// <summary>What was wrong with the filters.</summary>
    public string? Error { get; private set; }

    /// <summary>Runs the search.</summary>
    public void OnGet(CancellationToken cancellationToken)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        Outlet = string.IsNullOrWhiteSpace(Outlet) ? null : Outlet.Trim();
        Offset = Math.Clamp(Offset, 0, 10_000);
        if (!TryDay(From, out var from) || !TryDay(To, out var to))
        {
            Error = "Dates are days like 2025-05-13.";
            return;
        }

        var days = new DayRange(from, to);
        List<SearchHit> rows;
        if (Q is null)
        {
            rows = stores.Use(s => s.Latest(days, PageSize + 1, Offset)).Select(a => new SearchHit(a, "")).ToList();
        }
        else
        {
            rows = stores.Use(s => s.Search(new SearchQuery(Q) { Days = days, Outlet = Outlet, Limit = Offset + PageSize + 1 }, cancellationToken)).Skip(Offset).ToList();
        }

        HasMore = rows.Count > PageSize;
        Hits = rows.Take(PageSize).ToList();
    }

    internal static bool TryDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }

        return false;
    }
}
