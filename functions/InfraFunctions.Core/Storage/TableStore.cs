using System.Collections.Concurrent;

namespace InfraFunctions.Core.Storage;

/// <summary>The account's tables, each created once per process on first use.</summary>
public sealed class TableStore(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public Task<TableClient> GetTableAsync(string name, CancellationToken cancellationToken = default)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n, cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed create (storage down) must not stick: the next call tries again.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
        }

        return task;
    }

    /// <summary>The names of the account's tables that start with <paramref name="prefix"/>, from one table listing (no row scan).</summary>
    public async Task<IReadOnlyList<string>> ListNamesAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        // Every name with the prefix sorts before prefix + "~": table names are letters and digits only.
        var filter = TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}");
        await foreach (var table in service.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            names.Add(table.Name);
        }

        return names;
    }

    /// <summary>Forgets a table, after it was deleted or found missing.</summary>
    public void Forget(string name) => _tables.TryRemove(name, out _);

    private async Task<TableClient> CreateAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var client = service.GetTableClient(name);
            await client.CreateIfNotExistsAsync(cancellationToken);
            return client;
        }
        catch
        {
            _tables.TryRemove(name, out _);
            throw;
        }
    }

    public static bool IsNotFound(RequestFailedException ex) => ex.Status == 404;
}
