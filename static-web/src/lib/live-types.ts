import type {
  CheckResult,
  CollectorError,
  ContainerInfo,
  CpuMetrics,
  CustomMetricValue,
  DiskMetrics,
  DiskMount,
  MemoryMetrics,
  NetworkMetrics,
  ProcessInfo,
  SystemdUnitState,
  TemperatureReading,
} from './types';

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
  custom_metrics?: CustomMetricValue[];
  temperatures?: TemperatureReading[];
  systemd_units?: SystemdUnitState[];
  checks?: CheckResult[];
  collector_errors?: CollectorError[];
  dropped_custom_metrics?: number;
}
