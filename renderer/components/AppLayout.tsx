import { AppShell, Group, NavLink, Stack, Text, Title, Tooltip, ActionIcon, useMantineColorScheme, useComputedColorScheme } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconArchive, IconBooks, IconBriefcase, IconLayoutDashboard, IconBuilding, IconKeyboard, IconMoon, IconSettings, IconSun } from '@tabler/icons-react'
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router'
import { lazy, Suspense, useMemo } from 'react'
import { LoadingState } from './StateViews'
import { useRemWidth } from './useRemWidth'
import { useUpdatePreferences } from '../features/settings/preferences.queries'
import { useGoToShortcuts } from './useKeySequence'
import { SyncStatus } from '../features/team/SyncStatus'
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
    useMemo(
      () => ({ c: () => navigate('/clients'), e: () => navigate('/engagements'), l: () => navigate('/library'), p: () => navigate('/dashboard') }),
      [navigate]
    )
  )
  useHotkeys([['shift+?', () => navigate('/shortcuts')]])
  // Shortcuts with Ctrl/⌘ type nothing, so they work while typing in a field too.
  useHotkeys(
    [
      ['mod+shift+L', toggleTheme],
      ['mod+comma', () => navigate('/settings')]
    ],
    [],
    true
  )

  // On a narrow screen in type units (a 1280 px projector in large type is 64 rem), the
  // navigation becomes a rail of icons, each named and with its tooltip, to leave the page room.
  const rail = useRemWidth() < 70
  const link = (item: { to: string; label: string; icon: typeof IconSettings }, variant?: 'filled') => {
    const Icon = item.icon
    const navLink = (
      <NavLink
        key={item.to}
        component={RouterLink}
        to={item.to}
        label={rail ? undefined : item.label}
        aria-label={rail ? item.label : undefined}
        leftSection={<Icon size={rail ? 22 : 18} stroke={1.6} />}
        active={location.pathname.startsWith(item.to)}
        variant={variant}
        className={rail ? 'sc-rail-link' : undefined}
      />
    )
    return rail ? (
      <Tooltip key={item.to} label={item.label} position="right">
        {navLink}
      </Tooltip>
    ) : (
      navLink
    )
  }

  return (
    <AppShell navbar={{ width: rail ? 'var(--sc-rail-width)' : 'var(--sc-sidebar-width)', breakpoint: 0 }} padding="xl">
      <AppShell.Navbar p={rail ? 'xs' : 'md'} aria-label="Main navigation">
        <Group gap="sm" mb="lg" wrap="nowrap" justify={rail ? 'center' : undefined}>
          <div className="sc-brand-mark" aria-hidden>
            S
          </div>
          {!rail && (
            <div>
              <Title order={4} lh={1.1}>
                Stagecraft
              </Title>
              <Text size="xs" c="dimmed">
                AI team &amp; platform planning
              </Text>
            </div>
          )}
        </Group>
        <Stack gap={4} style={{ flex: 1 }}>
          {NAV.map((item) => link(item, 'filled'))}
        </Stack>
        <Stack gap={4}>
          <SyncStatus compact={rail} />
          {link({ to: '/settings', label: 'Settings', icon: IconSettings })}
          {link({ to: '/backups', label: 'Backups', icon: IconArchive })}
          {link({ to: '/shortcuts', label: 'Keyboard shortcuts', icon: IconKeyboard })}
          <Group justify={rail ? 'center' : 'flex-end'} mt="xs">
            <Tooltip label={computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
              <ActionIcon variant="default" size="lg" onClick={toggleTheme} aria-label={computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
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
