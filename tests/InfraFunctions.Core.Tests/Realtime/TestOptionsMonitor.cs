using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Tests.Realtime;

/// <summary>Options that never change, as the app reads them.</summary>
internal sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
