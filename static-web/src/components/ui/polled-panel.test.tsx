import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { PolledPanel, type Reply } from './polled-panel';

function panel(reply: Reply<{ n: number }>) {
  return render(
    <MantineProvider>
      <PolledPanel reply={reply} title="Traces">
        {(data) => <p>{`got ${data.n}`}</p>}
      </PolledPanel>
    </MantineProvider>,
  );
}

describe('a panel of polled data', () => {
  it("shows a 503's title and detail with a retry that asks again", () => {
    const refresh = vi.fn();
    const error = new ApiError(503, { title: 'Log Analytics is not configured', detail: "Set the app setting 'Monitor__WorkspaceId'." });
    panel({ data: undefined, error, refresh });

    const state = screen.getByTestId('unavailable-state');
    expect(state.textContent).toContain('Traces: Log Analytics is not configured');
    expect(state.textContent).toContain('Monitor__WorkspaceId');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('shows a 404 as an error, not as an endpoint this deployment lacks', () => {
    panel({ data: undefined, error: new ApiError(404, { title: 'Not Found' }), refresh: () => {} });

    expect(screen.getByTestId('error-state').textContent).toContain('Traces could not be loaded');
    expect(screen.queryByTestId('unavailable-state')).toBeNull();
  });

  it('keeps showing the last good reply when a later poll fails', () => {
    panel({ data: { n: 3 }, error: new ApiError(503, {}), refresh: () => {} });

    expect(screen.getByText('got 3')).toBeTruthy();
    expect(screen.queryByTestId('unavailable-state')).toBeNull();
  });

  it('says it is loading before the first reply', () => {
    panel({ data: undefined, error: undefined, refresh: () => {} });

    expect(screen.getByRole('status').textContent).toContain('Loading traces');
  });
});
