using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Http;

public sealed record AlertsResponse(string Status, int Count, IReadOnlyList<AlertRecord> Alerts);

public sealed record AlertResponse(string Status, AlertRecord Alert);
