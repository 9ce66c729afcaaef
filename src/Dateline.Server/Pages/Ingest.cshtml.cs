using Dateline.Model;
using Dateline.Server.Accounts;
using Dateline.Server.Api;
using Dateline.Server.Hosting;
using Dateline.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>Analysts paste an article (text or an HTML page) to analyse and store it.</summary>
[Authorize(Policy = Policies.Write)]
public sealed class IngestModel(StorePool stores, AnalysisGate gate) : PageModel
{
    /// <summary>The article as pasted.</summary>
    [BindProperty]
    public string? Article { get; set; }

    /// <summary>Its publication date.</summary>
    [BindProperty]
    public string? Published { get; set; }

    /// <summary>Its headline, when the content has none.</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>Why the last attempt was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>Analyses and stores, then opens the article.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var isHtml = Article is not null && Extraction.ArticleReader.Sniff(Article) == Extraction.InputFormat.Html;
        var request = new ArticleRequest(Text: isHtml ? null : Article, Html: isHtml ? Article : null, Published: Published, Title: string.IsNullOrWhiteSpace(Title) ? null : Title.Trim());
        var (document, problem) = ApiEndpoints.Read(request, new SourceInfo("api", null, null));
        if (problem is not null)
        {
            Error = (problem as Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)?.ProblemDetails.Detail ?? "the article could not be read";
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return Page();
        }

        var analysed = await gate.RunAsync(() => Pipeline.Default.Analyze(document!, cancellationToken), cancellationToken).ConfigureAwait(false);
        var outcome = stores.Use(s => s.Write([analysed], cancellationToken))[0];
        return Redirect($"/articles/{outcome.Id}");
    }
}
