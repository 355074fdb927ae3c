import { Button, Center, Stack, Text, Title } from '@mantine/core'
import { useRouteError } from 'react-router'

export function RouteError() {
  const error = useRouteError()
  return (
    <Center h="100vh">
      <Stack align="center" maw={480} ta="center">
        <Title order={2}>This screen ran into a problem</Title>
        <Text c="dimmed">{error instanceof Error ? error.message : 'An unexpected error occurred.'}</Text>
        <Text c="dimmed" size="sm">
          Your data is safe: every change is saved the moment you make it.
        </Text>
        <Button onClick={() => window.location.assign('#/clients')}>Back to clients</Button>
      </Stack>
    </Center>
  )
}
