import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../lib/types';
import { AlertsList } from './alerts-list';

const alert = (id: string, metric: string, message: string): AlertView => ({
  id, host_id: 'web-1', metric, severity: 'critical', state: 'open', value: 1, threshold: 1, message, raised_at: '2026-11-27T10:00:00Z',
});

describe('the alerts list', () => {
  it('names the unit, check or certificate a service alert is about, and nothing extra for a resource alert', () => {
    render(
      <MantineProvider>
        <AlertsList
          onChanged={() => {}}
          alerts={[
            alert('a', 'systemd_unit:backup.service', 'Unit backup.service failed'),
            alert('b', 'check:api', 'Check api is down'),
            alert('c', 'certificate:api', 'The certificate of api expires in 5 days'),
            alert('d', 'cpu', 'CPU usage critical: 97.5%'),
          ]}
        />
      </MantineProvider>,
    );

    expect(screen.getAllByTestId('alert-subject').map((b) => b.textContent)).toEqual(['systemd unit backup.service', 'check api', 'certificate api']);
    expect(screen.getByText('CPU usage critical: 97.5%', { exact: false })).toBeTruthy();
  });
});
