import { AppShell, Container } from '@mantine/core';
import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { configureApi } from './lib/api';
import { readStoredToken, storeToken, takeTokenFromFragment } from './lib/token-store';
import { useRoute } from './hooks/use-route';
import { useLive } from './hooks/use-live';
import { LiveProvider } from './components/live-provider';
import { AppHeader } from './components/ui/app-header';
import { TokenPrompt } from './components/ui/token-prompt';
import { LoadingState } from './components/ui/state-views';
import { FleetPage } from './routes/fleet/fleet-page';
import { HostPage } from './routes/host/host-page';
import { AgentsPage } from './routes/agents/agents-page';
import type { NavPage } from './components/ui/app-header';
import type { Route } from './hooks/use-route';
import { RoleProvider } from './components/role-provider';

const ChartPerfPage = lazy(() => import('./routes/perf/chart-perf-page'));
// The alerting pages are chunks of their own: the fleet's first view does not carry their editors.
const AlertsPage = lazy(() => import('./routes/alerts/alerts-page').then((m) => ({ default: m.AlertsPage })));
const RulesPage = lazy(() => import('./routes/rules/rules-page').then((m) => ({ default: m.RulesPage })));
const SilencesPage = lazy(() => import('./routes/silences/silences-page').then((m) => ({ default: m.SilencesPage })));
const ChannelsPage = lazy(() => import('./routes/channels/channels-page').then((m) => ({ default: m.ChannelsPage })));
const storedToken = () => readStoredToken();

/** The navigation entry of the page on screen: a host's page belongs to the fleet. */
function navPage(route: Route): NavPage | null {
  if (route.page === 'host') return 'fleet';
  return route.page === 'perf' ? null : route.page;
}

function Pages({ onSignOut }: { onSignOut: () => void }) {
  const { route, navigate } = useRoute();
  const live = useLive();
  const [autoRefresh, setAutoRefresh] = useState(true);
  return (
    <AppShell header={{ height: 56 }} padding={{ base: 'xs', sm: 'md' }}>
      <AppShell.Header>
        <AppHeader
          onNavigate={navigate}
          current={navPage(route)}
          onSignOut={onSignOut}
          live={live}
        />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={{ base: 4, sm: 'md' }}>
          {route.page === 'fleet' && <FleetPage onOpen={navigate} autoRefresh={autoRefresh} setAutoRefresh={setAutoRefresh} />}
          {route.page === 'host' && (
            <HostPage
              key={route.hostId}
              hostId={route.hostId}
              tab={route.tab}
              range={route.range}
              navigate={navigate}
              autoRefresh={autoRefresh}
              setAutoRefresh={setAutoRefresh}
            />
          )}
          {route.page === 'agents' && <AgentsPage />}
          <Suspense fallback={<LoadingState />}>
            {route.page === 'alerts' && <AlertsPage filters={route.filters} navigate={navigate} />}
            {route.page === 'rules' && <RulesPage edit={route.edit} navigate={navigate} />}
            {route.page === 'silences' && <SilencesPage />}
            {route.page === 'channels' && <ChannelsPage />}
            {route.page === 'perf' && <ChartPerfPage />}
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

export function App({ apiBaseUrl }: { apiBaseUrl: string }) {
  const [token, setToken] = useState<string | null>(() => {
    const fromUrl = takeTokenFromFragment();
    if (fromUrl) storeToken(fromUrl);
    return fromUrl ?? readStoredToken();
  });
  const [rejected, setRejected] = useState<string>();

  // Once, and again only if the base URL changes: every request reads the stored token itself, so signing in or
  // out needs no new configuration. A layout effect runs before any child's effect can send a request.
  useLayoutEffect(() => {
    configureApi({
      baseUrl: apiBaseUrl,
      getToken: storedToken,
      onUnauthorized: (message) => {
        storeToken(null);
        setToken(null);
        setRejected(message);
      },
    });
  }, [apiBaseUrl]);

  const signIn = (value: string) => {
    storeToken(value);
    setRejected(undefined);
    setToken(value);
  };
  const signOut = () => {
    storeToken(null);
    setToken(null);
  };

  if (!token) return <TokenPrompt message={rejected} onSubmit={signIn} />;
  return (
    <RoleProvider key={token}>
      <LiveProvider getToken={storedToken}>
        <Pages onSignOut={signOut} />
      </LiveProvider>
    </RoleProvider>
  );
}
