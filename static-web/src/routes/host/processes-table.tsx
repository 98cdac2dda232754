import { Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ProcessInfo } from '../../lib/types';
import { formatMb, formatPercent } from '../../lib/format';

type Column = 'name' | 'pid' | 'status' | 'cpu_percent' | 'memory_mb' | 'num_threads' | 'num_fds';

const COLUMNS: { key: Column; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'pid', label: 'PID', numeric: true },
  { key: 'status', label: 'State' },
  { key: 'cpu_percent', label: 'CPU', numeric: true },
  { key: 'memory_mb', label: 'Memory', numeric: true },
  { key: 'num_threads', label: 'Threads', numeric: true },
  { key: 'num_fds', label: 'Files', numeric: true },
];

export function sortProcesses(processes: ProcessInfo[], column: Column, descending: boolean): ProcessInfo[] {
  const sign = descending ? -1 : 1;
  return [...processes].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.pid - b.pid;
  });
}

/** The top processes, sortable by any column (click a header; again to reverse). */
export function ProcessesTable({ processes }: { processes: ProcessInfo[] }) {
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'cpu_percent', descending: true });
  const rows = useMemo(() => sortProcesses(processes, sort.column, sort.descending), [processes, sort]);
  if (processes.length === 0) return <Text c="dimmed">The agent reported no processes.</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing={4} data-testid="processes-table">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => {
              const active = sort.column === c.key;
              return (
                <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <UnstyledButton
                    fw={700}
                    fz="sm"
                    onClick={() => setSort({ column: c.key, descending: active ? !sort.descending : !!c.numeric })}
                  >
                    {c.label}
                    {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.pid}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.name}</Table.Td>
              <Table.Td ta="right" ff="monospace">{p.pid}</Table.Td>
              <Table.Td>{p.status}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatPercent(p.cpu_percent)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatMb(p.memory_mb)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{p.num_threads}</Table.Td>
              <Table.Td ta="right" ff="monospace">{p.num_fds < 0 ? '—' : p.num_fds}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
