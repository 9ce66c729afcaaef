using Dateline.Server.Hosting;
using Dateline.Store.Annotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>Stories, the latest first, each linking to its timeline.</summary>
public sealed class StoriesModel(StorePool stores) : PageModel
{
    /// <summary>Stories per page.</summary>
    public const int PageSize = 50;

    /// <summary>Where the page starts.</summary>
    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    /// <summary>The page.</summary>
    public IReadOnlyList<StoryRow> Stories { get; private set; } = [];

    /// <summary>True when a next page exists.</summary>
    public bool HasMore { get; private set; }

    /// <summary>Lists the stories.</summary>
    public void OnGet()
    {
        Offset = Math.Clamp(Offset, 0, 100_000);
        var rows = stores.Use(s => s.Stories(PageSize + 1, Offset));
        HasMore = rows.Count > PageSize;
        Stories = rows.Take(PageSize).ToList();
    }
}
