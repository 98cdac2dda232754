using System.Runtime.InteropServices;

namespace InfraFunctions.Agent.Native;

/// <summary>
/// A non-interactive shell starts a background job (<c>infra-agent &amp;</c>) with SIGINT ignored, and .NET keeps an
/// inherited SIG_IGN, so the host would never see Ctrl-C or <c>kill -INT</c>. The agent stops on SIGINT wherever it
/// was started from: restoring the default disposition before the host registers its handlers lets it.
/// </summary>
internal static partial class InterruptSignal
{
    private const int SigInt = 2;
    private const nint DefaultDisposition = 0;

    public static void Restore() => _ = Signal(SigInt, DefaultDisposition);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
