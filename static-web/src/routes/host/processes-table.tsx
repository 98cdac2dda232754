import { Text, UnstyledButton } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import type { ProcessInfo } from '../../lib/types';
import { formatMb, formatPercent } from '../../lib/format';
import { type Column as TableColumn, DataTable } from '../../components/ui/data-table';

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

const CELLS: Record<Column, (p: ProcessInfo) => ReactNode> = {
  name: (p) => p.name,
  pid: (p) => p.pid,
  status: (p) => p.status,
  cpu_percent: (p) => formatPercent(p.cpu_percent),
  memory_mb: (p) => formatMb(p.memory_mb),
  num_threads: (p) => p.num_threads,
  num_fds: (p) => (p.num_fds < 0 ? '—' : p.num_fds),
};

/** The top processes, sortable by any column (click a header; again to reverse). */
export function ProcessesTable({ processes }: { processes: ProcessInfo[] }) {
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'cpu_percent', descending: true });
  const rows = useMemo(() => sortProcesses(processes, sort.column, sort.descending), [processes, sort]);
  if (processes.length === 0) return <Text c="dimmed">The agent reported no processes.</Text>;
  const columns: TableColumn<ProcessInfo>[] = COLUMNS.map((c) => {
    const active = sort.column === c.key;
    return {
      header: (
        <UnstyledButton fw={700} fz="sm" onClick={() => setSort({ column: c.key, descending: active ? !sort.descending : !!c.numeric })}>
          {c.label}
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </UnstyledButton>
      ),
      sort: active ? (sort.descending ? 'descending' : 'ascending') : 'none',
      numeric: c.numeric,
      wrap: c.key === 'name',
      cell: CELLS[c.key],
    };
  });
  return <DataTable columns={columns} rows={rows} rowKey={(p) => String(p.pid)} minWidth={560} testId="processes-table" highlightOnHover />;
}
