// Generated from TimeWindows.Dashboard in functions/InfraFunctions.Core/Aggregation/TimeWindows.cs: do not edit.
// Regenerate with: UPDATE_GENERATED=1 dotnet test tests/InfraFunctions.Core.Tests --filter FullyQualifiedName~GeneratedWindowsTests

/** The windows the host page offers: the summary, traces and metrics accept each; anomalies stop at 24h. */
export const TIME_WINDOWS = ['5m', '15m', '1h', '6h', '24h', '7d', '30d'] as const;
