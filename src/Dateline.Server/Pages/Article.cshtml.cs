using Dateline.Server.Accounts;
using Dateline.Server.Api;
using Dateline.Server.Hosting;
using Dateline.Server.Rendering;
using Dateline.Store.Annotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>A comment ready to show: its sanitized HTML.</summary>
public sealed record CommentItem(long Id, string? EventId, string Author, string Created, string Html);

/// <summary>
/// The article view: the text with its layers highlighted, the lists beside it, the comment
/// thread and (for analysts) the correction forms. Every form posts with the antiforgery token
/// (Razor Pages check it on every POST) and goes back to the view on success.
/// </summary>
public sealed class ArticleModel(StorePool stores, Annotations annotations) : PageModel
{
    /// <summary>The article as corrected.</summary>
    public ArticleView View { get; private set; } = null!;

    /// <summary>The story the article belongs to.</summary>
    public string? StoryId { get; private set; }

    /// <summary>The highlighted text.</summary>
    public string BodyHtml { get; private set; } = "";

    /// <summary>The thread, oldest first.</summary>
    public IReadOnlyList<CommentItem> Comments { get; private set; } = [];

    /// <summary>Why the last form was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>True when the reader may correct.</summary>
    public bool CanCorrect => User.IsInRole(Roles.Analyst);

    /// <summary>True when the reader may comment.</summary>
    public bool CanComment => User.IsInRole(Roles.Reader);

    /// <summary>Shows the article.</summary>
    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    /// <summary>Posts a comment on the article or one of its events.</summary>
    public IActionResult OnPostComment(string id, string? markdown, string? eventId)
    {
        if (!CanComment)
        {
            return Challenge();
        }

        var (comment, error) = annotations.Comment(id, User.Identity!.Name!, new CommentRequest(markdown ?? "", eventId));
        return comment is null ? Refuse(id, error!) : Redirect($"/articles/{id}#c-{comment.Id}");
    }

    /// <summary>Reassigns a quote's speaker.</summary>
    public IActionResult OnPostSpeaker(string id, string? quote, string? entity, string? name, string? reason) =>
        Correct(id, new CorrectionRequest(CorrectionKinds.QuoteSpeaker, quote ?? "", reason ?? "", Entity: entity, Name: name));

    /// <summary>Changes or rejects an event.</summary>
    public IActionResult OnPostEvent(string id, string? @event, string? code, string? sourceActor, string? targetActor, string? date, bool reject, string? reason) =>
        Correct(id, reject
            ? new CorrectionRequest(CorrectionKinds.EventReject, @event ?? "", reason ?? "")
            : new CorrectionRequest(CorrectionKinds.Event, @event ?? "", reason ?? "", Code: code, SourceActor: sourceActor, TargetActor: targetActor, Date: date));

    /// <summary>Merges one entity into another.</summary>
    public IActionResult OnPostMerge(string id, string? from, string? into, string? reason) =>
        Correct(id, new CorrectionRequest(CorrectionKinds.EntityMerge, from ?? "", reason ?? "", Entity: into));

    private IActionResult Correct(string id, CorrectionRequest request)
    {
        if (!CanCorrect)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var (correction, error) = annotations.Correct(id, User.Identity!.Name!, request);
        return correction is null ? Refuse(id, error!) : Redirect($"/articles/{id}#x-{correction.Id}");
    }

    private IActionResult Refuse(string id, string error)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        Error = error;
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(string id)
    {
        using var lease = stores.Rent();
        var json = lease.Store.GetJson(id);
        if (json is null)
        {
            return false;
        }

        View = ArticleView.Parse(new CorrectionSet(lease.Store.Corrections(id)).Apply(json, id));
        BodyHtml = ArticleHtml.Render(View);
        StoryId = lease.Store.GetArticle(id)?.StoryId;
        Comments = lease.Store.Comments(id).Select(c => new CommentItem(c.Id, c.EventId, c.Author, c.Created, CommentHtml.Render(c.Markdown))).ToList();
        return true;
    }
}
