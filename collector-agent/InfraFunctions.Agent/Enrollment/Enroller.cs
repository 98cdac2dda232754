using System.Globalization;
using InfraFunctions.Agent.Delivery;

namespace InfraFunctions.Agent.Enrollment;

/// <summary>
/// Enrolls the host with the token from <c>INFRA_AGENT_ENROLL_TOKEN</c> and stores the key in <c>key_file</c>, so
/// the token is never needed again. A refusal (expired, used up, revoked, host id outside the pattern) ends it
/// with the server's detail; throttling, server errors and network errors are retried with backoff, honouring
/// Retry-After.
/// </summary>
internal static class Enroller
{
    /// <param name="attempts">How many requests at most; the service keeps trying, <c>--enroll</c> gives up sooner.</param>
    /// <returns>The new key, or null when the server refused or every attempt failed (what happened is written to <paramref name="output"/>).</returns>
    public static async Task<string?> EnrollAsync(
        AgentOptions options, EnrollmentClient client, Backoff backoff, int attempts, TimeProvider time, TextWriter output, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await client.EnrollAsync(options.EnrollToken!, options.HostId, cancellationToken);
            if (result.Key is { } key)
            {
                KeyFile.Write(options.KeyFile, key);
                await output.WriteLineAsync($"infra-agent: enrolled host {options.HostId} as agent {result.AgentId ?? "(unnamed)"}; the key is stored in {options.KeyFile}");
                return key;
            }

            if (!result.Transient)
            {
                await output.WriteLineAsync($"infra-agent: enrollment at {options.Endpoint} refused: {result.Error}");
                return null;
            }

            if (attempt >= attempts)
            {
                await output.WriteLineAsync($"infra-agent: enrollment at {options.Endpoint} failed after {attempt.ToString(CultureInfo.InvariantCulture)} attempts: {result.Error}");
                return null;
            }

            var wait = result.RetryAfter ?? backoff.Next(attempt);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"infra-agent: enrollment at {options.Endpoint} failed ({result.Error}); retrying in {wait.TotalSeconds:0.#} s"));
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
