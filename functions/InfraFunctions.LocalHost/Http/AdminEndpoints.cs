using InfraFunctions.LocalHost.Rpc;
using InfraFunctions.LocalHost.Timers;
using InfraFunctions.LocalHost.Worker;

namespace InfraFunctions.LocalHost.Http;

/// <summary>
/// Azure's admin API for running a non-HTTP function now: <c>POST /admin/functions/{name}</c> with the master key
/// answers 202. LocalHost waits for the run and puts the function's return value, if any, in the reply.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost("/admin/functions/{name}", async (HttpContext context, string name, WorkerSupervisor supervisor, TimerScheduler timers, FunctionKeys keys) =>
        {
            if (!keys.Admits(context, "Admin"))
            {
                await keys.RefuseAsync(context, "Admin");
                return;
            }

            if (supervisor.Current is not { } worker)
            {
                await Problems.WorkerUnavailableAsync(context);
                return;
            }

            if (worker.Index.Timers.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is not { } timer)
            {
                await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Function not found",
                    $"No timer function named '{name}'. Timers: {string.Join(", ", worker.Index.Timers.Select(t => t.Name))}.");
                return;
            }

            InvocationResponse response;
            try
            {
                response = await timers.RunNowAsync(timer, context.RequestAborted);
            }
            catch (WorkerUnavailableException)
            {
                await Problems.WorkerUnavailableAsync(context);
                return;
            }

            if (response.Result?.Status != StatusResult.Types.Status.Success)
            {
                await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Function failed",
                    $"{timer.Name} failed: {response.Result?.Exception?.Message}", response.InvocationId);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status202Accepted;
            if (InvocationMessages.Text(response.ReturnValue) is { } reply)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(reply, context.RequestAborted);
            }
        });
}
