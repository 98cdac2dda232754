import { useCallback, useState } from 'react';
import type { SortKey } from './fleet-filters';

export type FleetView = 'cards' | 'table';

const VIEW_KEY = 'infrafunctions.fleet.view';
const GROUP_KEY = 'infrafunctions.fleet.group';

/** What the fleet page shows: the filters, the order, the grouping key and the view (cards or a table). */
export interface FleetControls {
  query: string;
  status: string | null;
  sort: SortKey;
  /** The order opposite to the sort's natural one (worst, busiest or oldest first). */
  reversed: boolean;
  /** `key:value` chips; a host must carry all of them. */
  tags: string[];
  /** The tag key the hosts are grouped by; null: no grouping. */
  groupBy: string | null;
  view: FleetView;
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage may be off (a private window): the choice then lasts as long as the page.
  }
}

/** The fleet page's controls; the view and the grouping key are remembered in this browser. */
export function useFleetControls(): [FleetControls, (patch: Partial<FleetControls>) => void] {
  const [controls, setControls] = useState<FleetControls>(() => ({
    query: '',
    status: null,
    sort: 'status',
    reversed: false,
    tags: [],
    groupBy: stored(GROUP_KEY) || null,
    view: stored(VIEW_KEY) === 'table' ? 'table' : 'cards',
  }));
  const update = useCallback((patch: Partial<FleetControls>) => {
    if (patch.view !== undefined) store(VIEW_KEY, patch.view);
    if (patch.groupBy !== undefined) store(GROUP_KEY, patch.groupBy);
    setControls((c) => ({ ...c, ...patch }));
  }, []);
  return [controls, update];
}

/** A click on a column's heading: sorts by it, or, when it already is the sort, turns the order round. */
export function sortByColumn(controls: Pick<FleetControls, 'sort' | 'reversed'>, column: SortKey): Pick<FleetControls, 'sort' | 'reversed'> {
  return controls.sort === column ? { sort: column, reversed: !controls.reversed } : { sort: column, reversed: false };
}
