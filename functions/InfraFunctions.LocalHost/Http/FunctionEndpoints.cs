using InfraFunctions.LocalHost.Worker;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace InfraFunctions.LocalHost.Http;

/// <summary>
/// The HTTP functions as routes, built from the worker's own metadata once it has indexed them: each function's
/// route under host.json's prefix, with its methods. There is no second list of routes to keep in step.
/// </summary>
public sealed class FunctionEndpoints : EndpointDataSource, IDisposable
{
    private readonly object _gate = new();
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public void Dispose() => _changed.Dispose();

    public void Serve(FunctionIndex index)
    {
        var endpoints = index.Http.Select(function =>
        {
            var builder = new RouteEndpointBuilder(
                context => context.RequestServices.GetRequiredService<HttpFunctionInvoker>().InvokeAsync(context, function),
                RoutePatternFactory.Parse("/" + index.Template(function)),
                order: 0)
            {
                DisplayName = function.Name,
            };
            builder.Metadata.Add(new HttpMethodMetadata(function.Methods));
            builder.Metadata.Add(function);
            return (Endpoint)builder.Build();
        }).ToArray();

        CancellationTokenSource previous;
        lock (_gate)
        {
            _endpoints = endpoints;
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }
}
