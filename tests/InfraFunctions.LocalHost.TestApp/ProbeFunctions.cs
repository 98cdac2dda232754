using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfraFunctions.LocalHost.TestApp;

/// <summary>
/// Functions that probe the host side of the protocol. Each writes what happened to a file under the folder in
/// the PROBE_DIR app setting, so a test can see it from outside the worker.
/// </summary>
public sealed class ProbeFunctions
{
    private static string ProbeDir => Environment.GetEnvironmentVariable("PROBE_DIR") ?? Path.GetTempPath();

    [Function(nameof(Throws))]
    public IActionResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throws")] HttpRequest request) =>
        throw new InvalidOperationException("This function fails on purpose.");

    [Function(nameof(Echo))]
    public IActionResult Echo([HttpTrigger(AuthorizationLevel.Function, "get", Route = "echo/{id}")] HttpRequest request, string id) =>
        new OkObjectResult(new { id, query = request.Query["q"].ToString() });

    [Function(nameof(Waits))]
    public async Task<IActionResult> Waits(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "waits/{marker}")] HttpRequest request, string marker, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(ProbeDir, $"{marker}.started"), "started", CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await File.WriteAllTextAsync(Path.Combine(ProbeDir, $"{marker}.cancelled"), "cancelled", CancellationToken.None);
            throw;
        }

        return new OkResult();
    }

    [Function(nameof(Tick))]
    public async Task<string> Tick([TimerTrigger("%TICK_SCHEDULE%")] TimerInfo timer)
    {
        var seen = JsonSerializer.Serialize(new { last = timer.ScheduleStatus?.Last, next = timer.ScheduleStatus?.Next, past_due = timer.IsPastDue });
        await File.AppendAllTextAsync(Path.Combine(ProbeDir, "ticks"), seen + Environment.NewLine);
        return seen;
    }
}
