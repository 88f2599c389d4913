using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>The browse pages' 404: a view with a body, so the status-code page does not replace its explanation.</summary>
public static class NotFoundPage
{
    public static ViewResult NotFoundView(this Controller controller, string title, string message, params (string Label, string Url)[] links)
    {
        var view = controller.View("NotFound", new NotFoundModel(title, message, links));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
