using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Settings;

/// <summary>
/// The settings the sampling loop and the collectors apply on their next tick, and the list of settings in force
/// that every batch reports (serialized once, when they change).
/// </summary>
internal sealed record LiveValues(
    IReadOnlyList<string> Watch,
    int Top,
    TimeSpan SampleInterval,
    bool Temperatures,
    bool Systemd,
    string? TextfileDir,
    IReadOnlyList<SettingInForce> InForce,
    byte[] InForceJson);
