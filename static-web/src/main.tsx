import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadApiBaseUrl } from './lib/api';
import { App } from './app';

const theme = createTheme({ primaryColor: 'blue', defaultRadius: 'md' });

// The API base URL comes from /config.json, written at deploy time; without it the API is on this origin.
void loadApiBaseUrl().then((apiBaseUrl) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <Notifications position="top-right" limit={5} />
        <App apiBaseUrl={apiBaseUrl} />
      </MantineProvider>
    </StrictMode>,
  );
});
