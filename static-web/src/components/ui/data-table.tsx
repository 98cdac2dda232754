import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  /** A header cell's content: text, or a control such as a sort button. */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Right-aligned and monospaced, so digits line up. */
  numeric?: boolean;
  /** Monospaced (ids, paths); long values break anywhere rather than widen the table. */
  mono?: boolean;
  /** Long values break anywhere rather than widen the table. */
  wrap?: boolean;
  small?: boolean;
  /** The header's aria-sort, for a sortable column. */
  sort?: 'ascending' | 'descending' | 'none';
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Below this width the table scrolls inside itself, so the page never scrolls sideways. */
  minWidth: number;
  testId?: string;
  label?: string;
  striped?: boolean;
  highlightOnHover?: boolean;
}

/** A compact table of records, one column definition per field, scrolling inside itself on narrow screens. */
export function DataTable<T>({ columns, rows, rowKey, minWidth, testId, label, striped = true, highlightOnHover }: DataTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} highlightOnHover={highlightOnHover} verticalSpacing={4} data-testid={testId} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i} ta={c.numeric ? 'right' : undefined} aria-sort={c.sort}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c, i) => (
                <Table.Td
                  key={i}
                  ta={c.numeric ? 'right' : undefined}
                  ff={c.numeric || c.mono ? 'monospace' : undefined}
                  fz={c.small ? 'xs' : undefined}
                  style={c.mono || c.wrap ? { overflowWrap: 'anywhere' } : undefined}
                >
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
