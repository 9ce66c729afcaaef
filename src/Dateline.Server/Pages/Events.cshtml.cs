using Dateline.Server.Api;
using Dateline.Server.Hosting;
using Dateline.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>The event table with filters, corrections applied, and downloads.</summary>
public sealed class EventsModel(StorePool stores) : PageModel
{
    /// <summary>Source actor: code or part of a name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Target actor: code or part of a name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    /// <summary>CAMEO code prefix.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>First day.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last day.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The events.</summary>
    public IReadOnlyList<EventRow> Rows { get; private set; } = [];

    /// <summary>What was wrong with the filters.</summary>
    public string? Error { get; private set; }

    /// <summary>The query string of the filters, for the CSV link.</summary>
    public string Query => $"actor={Uri.EscapeDataString(Actor ?? "")}&target={Uri.EscapeDataString(Target ?? "")}&code={Uri.EscapeDataString(Code ?? "")}&from={From}&to={To}";

    /// <summary>Runs the query.</summary>
    public void OnGet(CancellationToken cancellationToken)
    {
        if (!IndexModel.TryDay(From, out var from) || !IndexModel.TryDay(To, out var to))
        {
            Error = "Dates are days like 2025-05-13.";
            return;
        }

        static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        Rows = ApiEndpoints.CorrectedEvents(stores, new EventQuery { Actor = Blank(Actor), Target = Blank(Target), Code = Blank(Code), Days = new DayRange(from, to), Limit = 500 }, cancellationToken);
    }
}
