namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>Polls a condition against the wall clock: these tests watch a real process and a real server.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(250));
        }

        return await condition();
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout, TimeSpan? every = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, every);
}
