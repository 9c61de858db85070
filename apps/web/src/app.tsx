import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { isApiRequestError } from './api/client';
import { sessionQueryKey } from './api/session-queries';
import { AreaLoadBoundary, PageLoading } from './area-loading';

// Route-level splitting: each area is its own chunk. The portal is plain HTML + CSS; the staff areas
// bring Ant Design with them.
const PortalArea = lazy(() => import('./portal/portal-area'));
const OfficeArea = lazy(() => import('./office/office-area'));
const AdminArea = lazy(() => import('./admin/admin-area'));
const DashboardArea = lazy(() => import('./dashboard/dashboard-area'));

function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The session ended on the server: find out, so the area's guard can send the user to log in.
        if (isApiRequestError(error) && error.status === 401) {
          void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Client errors will not fix themselves; a dropped mobile connection might.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiRequestError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AreaLoadBoundary>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/office/*" element={<OfficeArea />} />
              <Route path="/admin/*" element={<AdminArea />} />
              <Route path="/dashboard/*" element={<DashboardArea />} />
              <Route path="/*" element={<PortalArea />} />
            </Routes>
          </Suspense>
        </AreaLoadBoundary>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
