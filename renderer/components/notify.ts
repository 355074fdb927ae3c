import { notifications } from '@mantine/notifications'

export const notifySaved = (message: string) => notifications.show({ message, color: 'teal', autoClose: 2500 })

export const notifyError = (error: unknown, title = 'That did not work') =>
  notifications.show({
    title,
    message: error instanceof Error ? error.message : String(error),
    color: 'red',
    autoClose: 8000
  })
