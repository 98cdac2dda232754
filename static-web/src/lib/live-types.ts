import type { ContainerInfo, CpuMetrics, DiskMetrics, DiskMount, MemoryMetrics, NetworkMetrics, ProcessInfo } from './types';

export type { HealthLevel, HostStatus, ThresholdCheck } from './types';

/** One agent sample as it travels on the wire (functions/InfraFunctions.Contracts/Sample.cs). */
export interface Sample {
  timestamp: string;
  cpu: CpuMetrics;
  memory: MemoryMetrics;
  disk: DiskMetrics;
  network: NetworkMetrics;
  disks?: DiskMount[];
  processes?: ProcessInfo[];
  containers?: ContainerInfo[];
}
