using Dateline.Server.Hosting;
using Dateline.Server.Rendering;
using Dateline.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>The actor network: who acts on whom, how often, cooperatively or not.</summary>
public sealed class NetworkModel(StorePool stores) : PageModel
{
    /// <summary>First day.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last day.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The pairs, busiest first.</summary>
    public IReadOnlyList<NetworkEdge> Edges { get; private set; } = [];

    /// <summary>The drawing.</summary>
    public string Svg { get; private set; } = "";

    /// <summary>What was wrong with the filters.</summary>
    public string? Error { get; private set; }

    /// <summary>Runs the query and draws it.</summary>
    public void OnGet(CancellationToken cancellationToken)
    {
        if (!IndexModel.TryDay(From, out var from) || !IndexModel.TryDay(To, out var to))
        {
            Error = "Dates are days like 2025-05-13.";
            return;
        }

        Edges = stores.Use(s => s.Network(new NetworkQuery { Days = new DayRange(from, to), Limit = 80 }, cancellationToken));
        Svg = NetworkSvg.Render(Edges);
    }
}
