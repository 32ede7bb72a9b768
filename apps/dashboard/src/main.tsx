import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { LiveContext } from './live/live-context';
import { startLive } from './live/start-live';

import './styles.css';

const queryClient = new QueryClient({
  // Events say when data changed; refetching on focus would only repeat what the stream already told us.
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 } },
});
// Started outside React so that no event of the first connect is missed and StrictMode cannot open it twice.
const live = startLive(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LiveContext.Provider value={live}>
        <App />
      </LiveContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
