import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CollectorError, TemperatureReading } from '../../lib/types';
import { TemperaturesPanel } from './temperatures-panel';

function show(temperatures: TemperatureReading[], errors: CollectorError[] = []) {
  render(
    <MantineProvider>
      <TemperaturesPanel temperatures={temperatures} errors={errors} />
    </MantineProvider>,
  );
}

const row = (sensor: string) => screen.getByText(sensor).closest('tr')!;

describe('the Temperatures panel', () => {
  it('lists each sensor with its reading and levels in °C', () => {
    show([{ sensor: 'coretemp/Package id 0', celsius: 48.04, critical_celsius: 100, max_celsius: 80 }]);

    const cells = within(row('coretemp/Package id 0')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['coretemp/Package id 0', '48.0 °C', '80.0 °C', '100.0 °C', 'normal']);
  });

  it('marks a reading at its critical level as critical and one at its max as a warning, in the status colours', () => {
    show([
      { sensor: 'acpitz', celsius: 105, critical_celsius: 105 },
      { sensor: 'nvme/Composite', celsius: 81.9, critical_celsius: 90, max_celsius: 81.9 },
      { sensor: 'thermal_zone1/x86_pkg_temp', celsius: 60 },
    ]);

    const critical = within(row('acpitz')).getByTestId('temperature-critical');
    expect(critical.textContent).toBe('critical');
    expect(critical.getAttribute('style') ?? '').toContain('--badge-bg: var(--mantine-color-red-filled)');
    const warning = within(row('nvme/Composite')).getByTestId('temperature-warning');
    expect(warning.getAttribute('style') ?? '').toContain('--badge-bg: var(--mantine-color-orange-filled)');
    expect(within(row('thermal_zone1/x86_pkg_temp')).getByTestId('temperature-ok').textContent).toBe('normal');
    expect(within(row('thermal_zone1/x86_pkg_temp')).getAllByRole('cell')[3].textContent).toBe('—');
  });

  it('says quietly that there are no sensors, and shows no table, for a host without any', () => {
    show([]);

    expect(screen.getByTestId('temperatures-none').textContent).toMatch(/No temperature sensors reported/);
    expect(screen.queryByTestId('temperatures-table')).toBeNull();
  });

  it('shows the temperature collector’s own error and not the other collectors’', () => {
    show([], [
      { collector: 'temperatures', message: '/sys/class/hwmon/hwmon2/temp1_input: permission denied' },
      { collector: 'textfile', message: 'app.prom line 3: bad value' },
    ]);

    const errors = screen.getByTestId('temperature-errors');
    expect(errors.textContent).toContain('/sys/class/hwmon/hwmon2/temp1_input: permission denied');
    expect(errors.textContent).not.toContain('app.prom');
  });
});
