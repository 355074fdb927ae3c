import { Button, Card, ColorInput, FileButton, Group, Image, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { BrandingSettingsSchema, type BrandingSettings } from '../../../shared/schemas/branding.schema'
import { api, call } from '../../api'
import { notifyError, notifySaved } from '../../components/notify'
import { brandingKeys } from './branding.queries'

const LOCALES = [
  ['en-GB', 'English (UK)'],
  ['en-US', 'English (US)'],
  ['de-DE', 'Deutsch'],
  ['fr-FR', 'Français'],
  ['nl-NL', 'Nederlands'],
  ['es-ES', 'Español'],
  ['it-IT', 'Italiano'],
  ['sv-SE', 'Svenska'],
  ['de-CH', 'Deutsch (Schweiz)']
].map(([value, label]) => ({ value: value!, label: label! }))

const MIME: Record<string, 'image/png' | 'image/jpeg' | 'image/svg+xml'> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/svg+xml': 'image/svg+xml'
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error('The file could not be read.'))
    reader.readAsDataURL(file)
  })
}

/** The consultancy's branding for every exported document. */
export function BrandingCard() {
  const qc = useQueryClient()
  const branding = useQuery({ queryKey: brandingKeys.all, queryFn: () => call(api.branding.get({})) })
  const save = useMutation({
    mutationFn: (s: BrandingSettings) => call(api.branding.update(s)),
    onSuccess: (s) => {
      qc.setQueryData(brandingKeys.all, s)
      notifySaved('Branding saved: new exports use it')
    },
    onError: (e) => notifyError(e, 'The branding was not saved')
  })
  const form = useForm<BrandingSettings>({
    mode: 'controlled',
    initialValues: {
      consultancyName: '',
      accentColour: '#0D9084',
      footerText: '',
      locale: 'en-GB',
      defaultTerms: '',
      aboutUs: '',
      governance: '',
      governingLaw: '',
      logo: null
    },
    validate: schemaResolver(BrandingSettingsSchema, { sync: true })
  })
  useEffect(() => {
    if (branding.data) {
      form.setValues(branding.data)
      form.resetDirty(branding.data)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [branding.data])

  const pickLogo = async (file: File | null) => {
    if (!file) return
    const mime = MIME[file.type]
    if (!mime) return notifyError(new Error('Choose a PNG, JPEG or SVG image.'), 'That file cannot be a logo')
    if (file.size > 2 * 1024 * 1024) return notifyError(new Error('The logo must be under 2 MB.'), 'That logo is too large')
    form.setFieldValue('logo', { mime, dataBase64: await readAsBase64(file) })
  }

  const logo = form.values.logo
  return (
    <Card withBorder radius="lg" padding="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} aria-label="Branding">
        <Stack>
          <div>
            <Title order={4}>Branding for documents</Title>
            <Text size="sm" c="dimmed">
              Your name, colour and logo on every proposal and report.
            </Text>
          </div>
          <SimpleGrid cols={2}>
            <TextInput label="Consultancy name" {...form.getInputProps('consultancyName')} maxLength={200} />
            <ColorInput
              label="Accent colour"
              format="hex"
              eyeDropperButtonProps={{ 'aria-label': 'Pick the colour from the screen' }}
              swatches={['#0D9084', '#1C7ED6', '#7048E8', '#E8590C', '#2B8A3E', '#212529']}
              {...form.getInputProps('accentColour')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label="Footer text" {...form.getInputProps('footerText')} maxLength={300} />
            <Select label="Dates and amounts written for" data={LOCALES} allowDeselect={false} {...form.getInputProps('locale')} />
          </SimpleGrid>
          <Group align="flex-end">
            {logo ? (
              <Image src={`data:${logo.mime};base64,${logo.dataBase64}`} alt="Your logo" h={48} w="auto" fit="contain" />
            ) : (
              <Text size="sm" c="dimmed">
                No logo: the consultancy name is shown instead.
              </Text>
            )}
            <FileButton onChange={(f) => void pickLogo(f)} accept="image/png,image/jpeg,image/svg+xml">
              {(props) => (
                <Button variant="default" size="xs" {...props}>
                  {logo ? 'Change logo…' : 'Add a logo…'}
                </Button>
              )}
            </FileButton>
            {logo && (
              <Button variant="subtle" color="gray" size="xs" onClick={() => form.setFieldValue('logo', null)}>
                Remove
              </Button>
            )}
          </Group>
          <Textarea
            label="About your consultancy"
            description="A short paragraph for the proposal; left blank, the proposal uses a standard one with your name."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={4000}
            {...form.getInputProps('aboutUs')}
          />
          <Textarea
            label="How you work with clients"
            description="Governance and reporting for the proposal; left blank, the proposal sets out weekly check-ins, a progress report every two weeks and a review at the end of each phase."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={4000}
            {...form.getInputProps('governance')}
          />
          <TextInput
            label="Governing law"
            description="For the terms, for example “the law of England and Wales”."
            maxLength={200}
            {...form.getInputProps('governingLaw')}
          />
          <Textarea
            label="Default terms"
            description="Printed in the proposal’s terms section instead of the standard terms."
            autosize
            minRows={3}
            maxRows={10}
            maxLength={20000}
            {...form.getInputProps('defaultTerms')}
          />
          <Group justify="flex-end">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Save branding
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
