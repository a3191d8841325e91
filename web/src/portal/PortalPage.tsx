import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconApi,
  IconBuildingCommunity,
  IconDatabase,
  IconHeadset,
  IconLogin2,
  IconMapPin,
  IconWorld,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalApiCatalog } from '../features/interop/portal/PortalApiCatalog';
import { usePublicProfile } from '../features/organization/api';
import { useFormatters } from '../platform/i18n/format';
import { LanguageSwitch } from '../platform/ui/LanguageSwitch';
import { ProblemAlert } from '../platform/ui/ProblemAlert';

const CONSOLE_URL = '/console/';

const SECTIONS = [
  { key: 'openData', icon: IconDatabase },
  { key: 'apiCatalog', icon: IconApi },
  { key: 'serviceCatalog', icon: IconHeadset },
] as const;

/** Satu Data search: a plain form to the server-rendered catalogue (works without JavaScript too). */
function OpenDataSearch() {
  const { t } = useTranslation();
  return (
    <form method="get" action="/dataset" style={{ marginTop: 12 }}>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          name="q"
          aria-label={t('data.searchLabel')}
          placeholder={t('data.searchLabel')}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('data.search')}</Button>
      </Group>
      <Anchor href="/dataset" size="sm" mt={6} display="inline-block">
        {t('data.browseAll')}
      </Anchor>
    </form>
  );
}

export function PortalPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const profile = usePublicProfile();
  const data = profile.data;

  useEffect(() => {
    document.title = data ? `${t('portal.title')} — ${data.name}` : t('portal.title');
  }, [data, t]);

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <ThemeIcon variant="filled" radius="md">
                <IconBuildingCommunity size={18} />
              </ThemeIcon>
              {data ? (
                <Text fw={700} truncate data-testid="portal-regency-name">
                  {data.name}
                </Text>
              ) : (
                <Skeleton h={20} w={180} />
              )}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Button
                component="a"
                href={CONSOLE_URL}
                leftSection={<IconLogin2 size={16} />}
                size="sm"
              >
                {t('portal.signIn')}
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>

      <Box component="main" style={{ flex: 1 }}>
        <Box
          py={{ base: 48, sm: 80 }}
          style={{
            background:
              'linear-gradient(135deg, var(--mantine-color-indigo-7), var(--mantine-color-cyan-7))',
          }}
        >
          <Container size="lg">
            <Stack gap="md" c="white">
              <Badge variant="white" color="indigo" size="lg" w="fit-content">
                {t('portal.badge')}
              </Badge>
              {profile.isError ? (
                <ProblemAlert error={profile.error} />
              ) : data ? (
                <>
                  <Title order={1} fz={{ base: 32, sm: 48 }}>
                    {data.name}
                  </Title>
                  <Text fz="lg" maw={680}>
                    {t('portal.tagline', { name: data.name })}
                  </Text>
                  <Group gap="lg" mt="sm">
                    <Group gap={6}>
                      <IconMapPin size={18} />
                      <Text>
                        {t(`governmentTypes.${data.type}`)} ·{' '}
                        {t('portal.province', { province: data.province })}
                      </Text>
                    </Group>
                    <Group gap={6}>
                      <IconWorld size={18} />
                      <Text>{data.portalDomain}</Text>
                    </Group>
                  </Group>
                </>
              ) : (
                <>
                  <Skeleton h={48} w="60%" />
                  <Skeleton h={20} w="80%" />
                </>
              )}
            </Stack>
          </Container>
        </Box>

        <Container size="lg" py="xl">
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="xl">
            <Card withBorder padding="lg">
              <Text size="sm" c="dimmed">
                {t('portal.agencyCount')}
              </Text>
              <Text fz={36} fw={700} data-testid="portal-agency-count">
                {data ? format.number(data.agencyCount) : '—'}
              </Text>
            </Card>
            <Card withBorder padding="lg">
              <Text size="sm" c="dimmed">
                {t('portal.governmentType')}
              </Text>
              <Text fz="xl" fw={600} mt={8}>
                {data ? t(`governmentTypes.${data.type}`) : '—'}
              </Text>
            </Card>
            <Card withBorder padding="lg">
              <Text size="sm" c="dimmed">
                {t('portal.provinceLabel')}
              </Text>
              <Text fz="xl" fw={600} mt={8}>
                {data?.province ?? '—'}
              </Text>
            </Card>
          </SimpleGrid>

          <Title order={2} mb="md">
            {t('portal.servicesTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {SECTIONS.map(({ key, icon: SectionIcon }) => (
              <Card
                key={key}
                withBorder
                padding="lg"
                component="section"
                aria-labelledby={`section-${key}`}
              >
                <Group justify="space-between" mb="sm">
                  <ThemeIcon variant="light" size="lg">
                    <SectionIcon size={20} />
                  </ThemeIcon>
                  {key === 'apiCatalog' ? (
                    <Anchor href="#api-catalogue" size="sm">
                      {t('interop.portal.open')}
                    </Anchor>
                  ) : key === 'openData' ? null : (
                    <Badge color="gray" variant="light">
                      {t('common.comingSoon')}
                    </Badge>
                  )}
                </Group>
                <Title order={3} size="h4" id={`section-${key}`}>
                  {t(`portal.sections.${key}.title`)}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(`portal.sections.${key}.description`)}
                </Text>
                {key === 'openData' ? <OpenDataSearch /> : null}
              </Card>
            ))}
          </SimpleGrid>
          <PortalApiCatalog />
        </Container>
      </Box>

      <Box
        component="footer"
        py="lg"
        bg="var(--mantine-color-gray-0)"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="lg">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              © {new Date().getFullYear()}{' '}
              {data ? t('portal.footerOwner', { name: data.name }) : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {t('portal.poweredBy')}{' '}
              <Anchor href={CONSOLE_URL} size="sm">
                {t('portal.signIn')}
              </Anchor>
            </Text>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
