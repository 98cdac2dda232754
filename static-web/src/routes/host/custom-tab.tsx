import { Chip, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { SystemResponse, TimeWindow } from '../../lib/types';
import { labelOptions, matchesLabels, toggleLabel, type LabelFilter } from '../../lib/custom-series';
import { useCustom } from '../../hooks/use-custom';
import { PolledPanel } from '../../components/ui/polled-panel';
import { EmptyState } from '../../components/ui/state-views';
import { TitledCard } from '../../components/ui/titled-card';
import { CollectorErrors } from './collector-errors';
import { CustomSeriesView } from './custom-series-view';

const NO_LABELS: LabelFilter = {};

/** What the latest sample says about the textfile collector: files it skipped, and series it left out. */
function TextfileProblems({ system }: { system: SystemResponse | undefined }) {
  if (!system) return null;
  return (
    <>
      <CollectorErrors errors={system.collector_errors} collectors={['textfile']} testId="textfile-errors" />
      {system.dropped_custom_metrics > 0 && (
        <Text fz="sm" c="orange" fw={600} data-testid="custom-dropped">
          The agent left {system.dropped_custom_metrics} custom series out of its latest sample: past its limits on series, labels or names, or not a finite number.
        </Text>
      )}
    </>
  );
}

interface CustomTabProps {
  hostId: string;
  window: TimeWindow;
  system: SystemResponse | undefined;
  autoRefresh: boolean;
}

/** The host's custom series (from the agent's textfile directory): pick a name, narrow by labels, chart the window. */
export function CustomTab({ hostId, window, system, autoRefresh }: CustomTabProps) {
  const names = useCustom(hostId, window, undefined, NO_LABELS, autoRefresh);
  const [picked, setPicked] = useState<{ name?: string; labels: LabelFilter }>({ labels: NO_LABELS });
  const available = names.data?.names;
  const current = available?.find((n) => n.name === picked.name) ?? available?.[0];
  const name = current?.name;
  // A filter belongs to the name it was chosen for.
  const labels = picked.name === name ? picked.labels : NO_LABELS;
  const filtered = Object.keys(labels).length > 0;
  const all = useCustom(hostId, window, name, NO_LABELS, autoRefresh, name !== undefined);
  const chosen = useCustom(hostId, window, name, labels, autoRefresh, name !== undefined && filtered);
  const shown = filtered ? chosen : all;
  const options = useMemo(() => labelOptions((all.data?.series ?? []).filter((s) => s.name === name)), [all.data, name]);
  const series = useMemo(() => (shown.data?.series ?? []).filter((s) => s.name === name && matchesLabels(s.labels, labels)), [shown.data, name, labels]);

  return (
    <Stack gap="md">
      <TextfileProblems system={system} />
      <PolledPanel reply={names} title="Custom metrics">
        {(reply) =>
          reply.names.length === 0 ? (
            <EmptyState title={`No custom metrics from this host in the last ${window}`}>
              The agent reads <code>*.prom</code> files (Prometheus text format) from the directory set as <code>textfile_dir</code> in its settings, or{' '}
              <code>--textfile-dir</code> / <code>INFRA_AGENT_TEXTFILE_DIR</code>.
            </EmptyState>
          ) : (
            <TitledCard title="Custom metrics">
              <Stack gap="sm">
                <NativeSelect
                  label="Metric"
                  value={name}
                  onChange={(e) => setPicked({ name: e.currentTarget.value, labels: NO_LABELS })}
                  data={reply.names.map((n) => ({ value: n.name, label: `${n.name} (${n.type}, ${n.series} series)` }))}
                  maw={480}
                  data-testid="custom-name"
                />
                {options.length > 0 && (
                  <Stack gap={4} data-testid="custom-labels" aria-label="Label filters">
                    {options.map(([key, values]) => (
                      <Group key={key} gap={6} wrap="wrap">
                        {values.map((value) => (
                          <Chip
                            key={value}
                            size="xs"
                            checked={labels[key] === value}
                            onChange={() => setPicked({ name, labels: toggleLabel(labels, key, value) })}
                          >
                            {key}:{value}
                          </Chip>
                        ))}
                      </Group>
                    ))}
                  </Stack>
                )}
                {shown.data ? (
                  <>
                    <Text fz="xs" c="dimmed" data-testid="custom-window">
                      Window {shown.data.window} · {shown.data.resolution} resolution · {series.length} series
                      {shown.data.truncated ? ' · more series match than are shown: choose labels to narrow them' : ''}
                    </Text>
                    <CustomSeriesView name={name!} type={current!.type} series={series} window={window} />
                  </>
                ) : (
                  <PolledPanel reply={shown} title={`Series of ${name}`}>
                    {() => null}
                  </PolledPanel>
                )}
              </Stack>
            </TitledCard>
          )
        }
      </PolledPanel>
    </Stack>
  );
}
