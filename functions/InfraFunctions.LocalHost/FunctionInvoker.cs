using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace InfraFunctions.LocalHost;

/// <summary>
/// Calls a function method as the isolated worker would: a new instance of its class from DI per invocation,
/// with the trigger, route values and cancellation token bound by parameter.
/// </summary>
public static class FunctionInvoker
{
    private static readonly JsonSerializerOptions ReplyJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task InvokeHttpAsync(FunctionDescriptor function, HttpContext context)
    {
        var result = await InvokeAsync(function, context.RequestServices, p => BindHttp(p, context), context.RequestAborted);
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(context);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                throw new InvalidOperationException($"{function.Name} returned {result.GetType().Name}; LocalHost serves IActionResult and IResult.");
        }
    }

    /// <summary>Runs a timer function now; its return value, if any, is the reply to a manual run.</summary>
    public static async Task<string?> InvokeTimerAsync(FunctionDescriptor function, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await InvokeAsync(function, scope.ServiceProvider, p => BindTimer(p, cancellationToken), cancellationToken);
        return result is null ? null : JsonSerializer.Serialize(result, result.GetType(), ReplyJson);
    }

    private static async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider services, Func<ParameterInfo, object?> bind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(bind).ToArray();
        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty("Result") is { } resultProperty && resultProperty.PropertyType.Name != "VoidTaskResult"
            ? resultProperty.GetValue(task)
            : null;
    }

    private static object? BindHttp(ParameterInfo p, HttpContext context)
    {
        if (p.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (p.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (p.ParameterType == typeof(string) && context.GetRouteValue(p.Name!) is { } value)
        {
            return value.ToString();
        }

        throw new InvalidOperationException($"LocalHost cannot bind parameter '{p.Name}' ({p.ParameterType.Name}) of {p.Member.DeclaringType?.Name}.{p.Member.Name}.");
    }

    private static object? BindTimer(ParameterInfo p, CancellationToken cancellationToken)
    {
        if (p.ParameterType == typeof(TimerInfo))
        {
            return new TimerInfo();
        }

        if (p.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        throw new InvalidOperationException($"LocalHost cannot bind timer parameter '{p.Name}' ({p.ParameterType.Name}).");
    }
}
