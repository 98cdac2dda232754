namespace InfraFunctions.Agent;

/// <summary>What the agent was started to do.</summary>
internal enum AgentCommand
{
    /// <summary>Sample and post until stopped (the service).</summary>
    Run,

    /// <summary><c>--once</c>: print one batch and exit; no server needed.</summary>
    Once,

    /// <summary><c>--post-once</c>: post one sample and exit once the server acknowledged it.</summary>
    PostOnce,

    /// <summary><c>--enroll</c>: trade the enrollment token for an agent key, store it in <c>key_file</c>, and exit.</summary>
    Enroll,
}
