import { Center, Loader, MantineProvider } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { createHashRouter, Navigate, RouterProvider } from 'react-router'
import { AppLayout } from './components/AppLayout'
import { RouteError } from './components/RouteError'
import { ClientsPage } from './features/clients/ClientsPage'
import { PreferencesSync } from './features/settings/PreferencesSync'
import { RecoveryGate } from './features/recovery/RecoveryGate'
import { queryClient } from './query'
import { cssVariablesResolver, theme } from './theme'

// Screens other than the first are loaded when first visited, to keep start-up fast.
const AnswersPage = lazy(() => import('./features/assessments/AnswersPage').then((m) => ({ default: m.AnswersPage })))
const ResultsPage = lazy(() => import('./features/assessments/ResultsPage').then((m) => ({ default: m.ResultsPage })))
const WorkshopPage = lazy(() => import('./features/assessments/WorkshopPage').then((m) => ({ default: m.WorkshopPage })))
const PlanPage = lazy(() => import('./features/plan/PlanPage').then((m) => ({ default: m.PlanPage })))
const LibraryPage = lazy(() => import('./features/library/LibraryPage').then((m) => ({ default: m.LibraryPage })))
const ExportPage = lazy(() => import('./features/export/ExportPage').then((m) => ({ default: m.ExportPage })))
const BackupsPage = lazy(() => import('./features/backups/BackupsPage').then((m) => ({ default: m.BackupsPage })))
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })))
const ShortcutsPage = lazy(() => import('./features/shortcuts/ShortcutsPage').then((m) => ({ default: m.ShortcutsPage })))
const EngagementDetailPage = lazy(() => import('./features/engagements/EngagementDetailPage').then((m) => ({ default: m.EngagementDetailPage })))
const EngagementsPage = lazy(() => import('./features/engagements/EngagementsPage').then((m) => ({ default: m.EngagementsPage })))
const DashboardPage = lazy(() => import('./features/tracking/DashboardPage').then((m) => ({ default: m.DashboardPage })))
const TrackingPage = lazy(() => import('./features/tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })))
const ConflictInboxPage = lazy(() => import('./features/team/ConflictInboxPage').then((m) => ({ default: m.ConflictInboxPage })))
const ClientDetailPage = lazy(() => import('./features/clients/ClientDetailPage').then((m) => ({ default: m.ClientDetailPage })))

const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/clients" replace /> },
      { path: 'clients', element: <ClientsPage /> },
      { path: 'clients/:clientId', element: <ClientDetailPage /> },
      { path: 'engagements', element: <EngagementsPage /> },
      { path: 'engagements/:engagementId', element: <EngagementDetailPage /> },
      { path: 'engagements/:engagementId/plan', element: <PlanPage /> },
      { path: 'engagements/:engagementId/export', element: <ExportPage /> },
      { path: 'engagements/:engagementId/tracking', element: <TrackingPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'assessments/:assessmentId', element: <AnswersPage /> },
      { path: 'assessments/:assessmentId/results', element: <ResultsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'team', element: <ConflictInboxPage /> },
      { path: 'backups', element: <BackupsPage /> },
      { path: 'library', element: <LibraryPage /> },
      { path: 'shortcuts', element: <ShortcutsPage /> },
      { path: '*', element: <Navigate to="/clients" replace /> }
    ]
  },
  // Presenting: nothing but this engagement on screen (no sidebar, no other clients).
  { path: '/workshop/:assessmentId', element: <WorkshopPage />, errorElement: <RouteError /> },
  { path: '/present/:assessmentId/results', element: <ResultsPage presenting />, errorElement: <RouteError /> }
])

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
        <ModalsProvider>
          {/* Bottom centre: clear of the header actions (top right), the workshop's Next (bottom right) and dialogs' buttons. */}
          <Notifications position="bottom-center" limit={4} />
          <PreferencesSync />
          <RecoveryGate>
            <Suspense
              fallback={
                <Center h="100vh">
                  <Loader aria-label="Loading" />
                </Center>
              }
            >
              <RouterProvider router={router} />
            </Suspense>
          </RecoveryGate>
        </ModalsProvider>
      </MantineProvider>
    </QueryClientProvider>
  )
}
