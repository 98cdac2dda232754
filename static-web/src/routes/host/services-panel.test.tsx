import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CheckResult, CollectorError, SystemdUnitState } from '../../lib/types';
import { ServicesPanel } from './services-panel';

const at = new Date(Date.now() - 10 * 60_000).toISOString();

function show(units: SystemdUnitState[], checks: CheckResult[], errors: CollectorError[] = []) {
  render(
    <MantineProvider>
      <ServicesPanel units={units} checks={checks} errors={errors} />
    </MantineProvider>,
  );
}

const cells = (table: HTMLElement, text: string) => within(within(table).getByText(text).closest('tr')!).getAllByRole('cell');
const colour = (el: HTMLElement) => el.getAttribute('style') ?? '';

describe('the Services panel', () => {
  it('lists failed units before watched ones, with state badge, sub state and restarts', () => {
    show(
      [
        { name: 'nginx.service', active_state: 'active', sub_state: 'running', restarts: 0, watched: true },
        { name: 'backup.service', active_state: 'failed', sub_state: 'failed', restarts: 3, watched: false },
      ],
      [],
    );

    const table = screen.getByTestId('units-table');
    const names = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0].textContent);
    expect(names).toEqual(['backup.service', 'nginx.service']);
    expect(cells(table, 'backup.service').map((c) => c.textContent)).toEqual(['backup.service', 'failed', 'failed', '3', 'failed']);
    expect(colour(screen.getByLabelText('backup.service state: failed'))).toContain('red');
    expect(colour(screen.getByLabelText('nginx.service state: active'))).toContain('teal');
    expect(screen.getByText('1 failed · 1 other')).toBeTruthy();
  });

  it('colours a watched unit that is not running as a warning', () => {
    show([{ name: 'cron.service', active_state: 'inactive', sub_state: 'dead', restarts: 0, watched: true }], []);

    expect(colour(screen.getByLabelText('cron.service state: inactive'))).toContain('orange');
  });

  it('shows checks down first with latency, HTTP status, days of certificate left and the error', () => {
    show(
      [],
      [
        { name: 'api', target: 'https://api.example/health', up: true, checked_at: at, latency_ms: 42.4, status_code: 200, certificate_days_left: 9.7 },
        { name: 'db', target: 'tcp://10.0.0.5:5432', up: false, checked_at: at, error: 'connection refused by 10.0.0.5:5432' },
        { name: 'site', target: 'https://www.example', up: true, checked_at: at, latency_ms: 120, status_code: 200, certificate_days_left: 80 },
      ],
    );

    const table = screen.getByTestId('checks-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['dbtcp://10.0.0.5:5432', 'apihttps://api.example/health', 'sitehttps://www.example']);
    expect(screen.getByLabelText('db is down').textContent).toBe('down');
    expect(colour(screen.getByLabelText('db is down'))).toContain('red');
    expect(cells(table, 'db').map((c) => c.textContent)).toEqual(['dbtcp://10.0.0.5:5432', 'down', '—', '—', '—', '10 min ago', 'connection refused by 10.0.0.5:5432']);
    expect(cells(table, 'api').slice(1, 5).map((c) => c.textContent)).toEqual(['up', '42 ms', '200', '9 d left']);

    const [soon, later] = within(table).getAllByTestId('certificate-days');
    expect(soon.textContent).toBe('9 d left');
    expect(colour(soon)).toContain('orange');
    expect(later.textContent).toBe('80 d left');
    expect(colour(later)).not.toMatch(/orange|red/);
    expect(screen.getByText('1 down · 2 up')).toBeTruthy();
  });

  it('shows an expired certificate in the critical colour', () => {
    show([], [{ name: 'old', target: 'https://old.example', up: false, checked_at: at, status_code: 0, certificate_days_left: -2.5, error: 'certificate expired' }]);

    const days = screen.getByTestId('certificate-days');
    expect(days.textContent).toBe('expired 2 d ago');
    expect(colour(days)).toContain('red');
  });

  it('says how to enable units and checks when the host reports neither', () => {
    show([], []);

    expect(screen.getByTestId('units-none').textContent).toContain('systemd.watch_units');
    expect(screen.getByTestId('checks-none').textContent).toContain('checks');
    expect(screen.getByTestId('checks-none').textContent).toContain('--check tcp://host:port');
    expect(screen.queryByTestId('units-table')).toBeNull();
    expect(screen.queryByTestId('checks-table')).toBeNull();
  });

  it('shows each collector’s error beside its own list', () => {
    show([], [], [
      { collector: 'systemd', message: 'no system bus at /run/dbus/system_bus_socket' },
      { collector: 'checks', message: 'check "x": unsupported scheme ftp' },
    ]);

    expect(screen.getByTestId('systemd-errors').textContent).toContain('no system bus');
    expect(screen.getByTestId('systemd-errors').textContent).not.toContain('ftp');
    expect(screen.getByTestId('check-errors').textContent).toContain('unsupported scheme ftp');
  });
});
