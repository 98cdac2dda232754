using System.Text;

namespace InfraFunctions.Http;

/// <summary>Plain text (the Prometheus export) written directly, without MVC's executors.</summary>
public sealed class TextApiResult(string text, string contentType) : IActionResult
{
    public string Text => text;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
    }
}
