namespace InfraFunctions.Core.Realtime;

/// <summary>The AzureSignalRConnectionString setting is absent, so there is no service to call.</summary>
public sealed class SignalRNotConfiguredException()
    : Exception($"SignalR Service is not configured: set {AppSettingNames.SignalRConnectionString}.");
