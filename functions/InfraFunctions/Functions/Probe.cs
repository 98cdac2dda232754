using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfraFunctions.Functions;

public sealed class Probe
{
    [Function(nameof(Probe))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Admin, "get", "post", Route = "v1/x/{id}")] HttpRequest req, string id) => new OkResult();

    [Function("TimerProbe")]
    public void Tick([TimerTrigger("%X_SCHEDULE%")] TimerInfo timer) { }
}
