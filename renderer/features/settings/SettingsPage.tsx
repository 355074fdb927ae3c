import { Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useMantineColorScheme } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { BrandingCard } from './BrandingCard'
import { TeamCard } from '../team/TeamCard'
import { useAppInfo, usePreferences, useUpdatePreferences } from './preferences.queries'

export function SettingsPage() {
  const prefs = usePreferences()
  const info = useAppInfo()
  const update = useUpdatePreferences()
  const { setColorScheme } = useMantineColorScheme()

  if (prefs.isPending) return <LoadingState label="Loading settings" rows={3} />
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />

  return (
    <Stack maw={760}>
      <PageHeader title="Settings" description="How Stagecraft looks on your screen and on a projector." />
      <Card withBorder radius="lg" padding="lg">
        <Stack gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Title order={4}>Theme</Title>
              <Text size="sm" c="dimmed">
                Auto follows your operating system.
              </Text>
            </div>
            <SegmentedControl
              aria-label="Theme"
              value={prefs.data.theme}
              onChange={(value) => {
                const theme = value as 'light' | 'dark' | 'auto'
                setColorScheme(theme)
                update.mutate({ theme })
              }}
              data={[
                { label: 'Light', value: 'light' },
                { label: 'Dark', value: 'dark' },
                { label: 'Auto', value: 'auto' }
              ]}
            />
          </Group>
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Title order={4}>Type size for projectors</Title>
              <Text size="sm" c="dimmed">
                Larger type reads from the back of a meeting room.
              </Text>
            </div>
            <SegmentedControl
              aria-label="Type size"
              value={prefs.data.presentationScale}
              onChange={(value) => update.mutate({ presentationScale: value as 'normal' | 'large' | 'xlarge' })}
              data={[
                { label: 'Normal', value: 'normal' },
                { label: 'Large', value: 'large' },
                { label: 'Extra large', value: 'xlarge' }
              ]}
            />
          </Group>
        </Stack>
      </Card>
      <BrandingCard />
      <TeamCard />
      <Card withBorder radius="lg" padding="lg">
        <Title order={4} mb="xs">
          About your data
        </Title>
        <Text size="sm" c="dimmed">
          Everything stays on this computer. Nothing is sent anywhere unless you export it or sign in to your team's own server.
        </Text>
        {info.data && (
          <Stack gap={2} mt="sm">
            <Text size="sm">
              Database: <code>{info.data.databasePath}</code>
            </Text>
            <Text size="sm">
              Version {info.data.version} · data format {info.data.schemaVersion}
            </Text>
          </Stack>
        )}
      </Card>
    </Stack>
  )
}
