import { AppShell, Group, NavLink, Stack, Text, Title, Tooltip, ActionIcon, useMantineColorScheme, useComputedColorScheme } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconArchive, IconBooks, IconBriefcase, IconLayoutDashboard, IconBuilding, IconKeyboard, IconMoon, IconSettings, IconSun } from '@tabler/icons-react'
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router'
import { lazy, Suspense, useMemo } from 'react'
import { LoadingState } from './StateViews'
import { useUpdatePreferences } from '../features/settings/preferences.queries'
import { useGoToShortcuts } from './useKeySequence'
// Search loads just after the first screen, so start-up does not wait for it.
const SearchSpotlight = lazy(() => import('../features/search/SearchSpotlight').then((m) => ({ default: m.SearchSpotlight })))

const NAV = [
  { to: '/dashboard', label: 'Portfolio', icon: IconLayoutDashboard, shortcut: 'G then P' },
  { to: '/clients', label: 'Clients', icon: IconBuilding, shortcut: 'G then C' },
  { to: '/engagements', label: 'Engagements', icon: IconBriefcase, shortcut: 'G then E' },
  { to: '/library', label: 'Library', icon: IconBooks, shortcut: 'G then L' }
]

export function AppLayout() {
  const location = useLocation()
  const navigate = useNavigate()
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light')
  const updatePreferences = useUpdatePreferences()

  const toggleTheme = () => {
    const next = computed === 'dark' ? 'light' : 'dark'
    setColorScheme(next)
    updatePreferences.mutate({ theme: next })
  }

  useGoToShortcuts(
    useMemo(() => ({ c: () => navigate('/clients'), e: () => navigate('/engagements'), l: () => navigate('/library'), p: () => navigate('/dashboard') }), [navigate])
  )
  useHotkeys([
    ['mod+shift+L', toggleTheme],
    ['shift+?', () => navigate('/shortcuts')],
    ['mod+comma', () => navigate('/settings')]
  ])

  return (
    <AppShell navbar={{ width: 'var(--sc-sidebar-width)', breakpoint: 0 }} padding="xl">
      <AppShell.Navbar p="md" aria-label="Main navigation">
        <Group gap="sm" mb="lg" wrap="nowrap">
          <div className="sc-brand-mark" aria-hidden>
            S
          </div>
          <div>
            <Title order={4} lh={1.1}>
              Stagecraft
            </Title>
            <Text size="xs" c="dimmed">
              AI team &amp; platform planning
            </Text>
          </div>
        </Group>
        <Stack gap={4} style={{ flex: 1 }}>
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.6} />}
              active={location.pathname.startsWith(item.to)}
              variant="filled"
            />
          ))}
        </Stack>
        <Stack gap={4}>
          <NavLink
            component={RouterLink}
            to="/settings"
            label="Settings"
            leftSection={<IconSettings size={18} stroke={1.6} />}
            active={location.pathname.startsWith('/settings')}
          />
          <NavLink
            component={RouterLink}
            to="/backups"
            label="Backups"
            leftSection={<IconArchive size={18} stroke={1.6} />}
            active={location.pathname.startsWith('/backups')}
          />
          <NavLink
            component={RouterLink}
            to="/shortcuts"
            label="Keyboard shortcuts"
            leftSection={<IconKeyboard size={18} stroke={1.6} />}
            active={location.pathname.startsWith('/shortcuts')}
          />
          <Group justify="flex-end" mt="xs">
            <Tooltip label={computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={toggleTheme}
                aria-label={computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
              >
                {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
      </AppShell.Navbar>
      <Suspense fallback={null}>
        <SearchSpotlight />
      </Suspense>
      <AppShell.Main>
        <Suspense fallback={<LoadingState label="Loading" rows={4} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}
