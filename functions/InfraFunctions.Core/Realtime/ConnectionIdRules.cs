namespace InfraFunctions.Core.Realtime;

/// <summary>A SignalR connection id: it becomes a table RowKey and a URL segment, so only safe printable ASCII.</summary>
public static class ConnectionIdRules
{
    public const int MaxLength = 256;

    public static string? Validate(string? connectionId)
    {
        if (string.IsNullOrEmpty(connectionId))
        {
            return "connection_id is required: the connectionId of your SignalR connection (HubConnection.connectionId).";
        }

        if (connectionId.Length > MaxLength)
        {
            return $"connection_id is {connectionId.Length} characters long; the limit is {MaxLength}.";
        }

        foreach (var c in connectionId)
        {
            if (c is <= ' ' or > '~' or '/' or '\\' or '#' or '?' or '%')
            {
                return "connection_id may hold only printable ASCII without spaces and without / \\ # ? %.";
            }
        }

        return null;
    }
}
