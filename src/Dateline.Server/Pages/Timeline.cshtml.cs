using Dateline.Server.Api;
using Dateline.Server.Hosting;
using Dateline.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>Events of one actor or one story, placed at their own dates (not their articles').</summary>
public sealed class TimelineModel(StorePool stores) : PageModel
{
    /// <summary>The actor (code or part of a name), either side of its events.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>A story id (or the id of any article in it).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Story { get; set; }

    /// <summary>The events grouped by day, in order.</summary>
    public IReadOnlyList<IGrouping<string, EventRow>> Days { get; private set; } = [];

    /// <summary>What the timeline is of.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>Runs the query.</summary>
    public void OnGet(CancellationToken cancellationToken)
    {
        Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim();
        Story = string.IsNullOrWhiteSpace(Story) ? null : Story.Trim();
        if (Actor is null && Story is null)
        {
            return;
        }

        Subject = Actor is not null ? $"actor {Actor}" : "story of " + (stores.Use(s => s.GetArticle(Story!))?.Title ?? Story);
        var rows = ApiEndpoints.CorrectedEvents(stores, new EventQuery { EitherSide = Actor, Story = Story, Limit = 500 }, cancellationToken);
        Days = rows.GroupBy(r => r.Day ?? "undated").ToList();
    }
}
