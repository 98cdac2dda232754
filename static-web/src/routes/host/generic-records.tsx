import { Code, Table, Text } from '@mantine/core';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Shows a reply whose exact shape this dashboard does not know yet (an endpoint that landed after it was
 * written): the first array of records as a table, otherwise the JSON itself.
 */
export function GenericRecords({ data, label }: { data: unknown; label: string }) {
  const body = (data ?? {}) as Record<string, unknown>;
  const rows = Object.values(body).find((v): v is Record<string, unknown>[] => Array.isArray(v) && v.every((r) => typeof r === 'object' && r !== null));
  if (!rows) {
    return (
      <Code block aria-label={label}>
        {JSON.stringify(data, null, 2)}
      </Code>
    );
  }
  if (rows.length === 0) return <Text c="dimmed">No {label.toLowerCase()} in this window.</Text>;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].slice(0, 8);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing={4} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c.replaceAll('_', ' ')}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, 200).map((r, i) => (
            <Table.Tr key={i}>
              {columns.map((c) => (
                <Table.Td key={c} style={{ overflowWrap: 'anywhere' }}>
                  {cell(r[c])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
