import { MantineProvider } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { createHashRouter, Navigate, RouterProvider } from 'react-router'
import { AppLayout } from './components/AppLayout'
import { RouteError } from './components/RouteError'
import { ClientDetailPage } from './features/clients/ClientDetailPage'
import { ClientsPage } from './features/clients/ClientsPage'
import { AnswersPage } from './features/assessments/AnswersPage'
import { ResultsPage } from './features/assessments/ResultsPage'
import { PlanPage } from './features/plan/PlanPage'
import { LibraryPage } from './features/library/LibraryPage'
import { ExportPage } from './features/export/ExportPage'
import { WorkshopPage } from './features/assessments/WorkshopPage'
import { EngagementDetailPage } from './features/engagements/EngagementDetailPage'
import { EngagementsPage } from './features/engagements/EngagementsPage'
import { PreferencesSync } from './features/settings/PreferencesSync'
import { SettingsPage } from './features/settings/SettingsPage'
import { BackupsPage } from './features/backups/BackupsPage'
import { RecoveryGate } from './features/recovery/RecoveryGate'
import { ShortcutsPage } from './features/shortcuts/ShortcutsPage'
import { queryClient } from './query'
import { theme } from './theme'

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
      { path: 'assessments/:assessmentId', element: <AnswersPage /> },
      { path: 'assessments/:assessmentId/results', element: <ResultsPage /> },
      { path: 'settings', element: <SettingsPage /> },
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
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <ModalsProvider>
          <Notifications position="bottom-right" limit={4} />
          <PreferencesSync />
          <RecoveryGate>
            <RouterProvider router={router} />
          </RecoveryGate>
        </ModalsProvider>
      </MantineProvider>
    </QueryClientProvider>
  )
}
