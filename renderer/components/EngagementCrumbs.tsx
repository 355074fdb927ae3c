import { Anchor, Breadcrumbs, Text } from '@mantine/core'
import { Link } from 'react-router'

/** Where a page of an engagement sits: its client, the engagement, and this page. */
export function EngagementCrumbs({ engagement: e, here }: { engagement: { id: string; title: string; clientId: string; clientName: string }; here: string }) {
  return (
    <Breadcrumbs separatorMargin={6}>
      <Anchor component={Link} to={`/clients/${e.clientId}`} size="sm">
        {e.clientName}
      </Anchor>
      <Anchor component={Link} to={`/engagements/${e.id}`} size="sm">
        {e.title}
      </Anchor>
      <Text size="sm">{here}</Text>
    </Breadcrumbs>
  )
}
