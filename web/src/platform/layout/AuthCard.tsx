import { Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/** Centered card used by the screens outside the console shell (login, forced password change). */
export function AuthCard({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={440}>
        <Group justify="space-between">
          <Text fw={700} c="indigo">
            Simpul
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
        {footer}
      </Stack>
    </Center>
  );
}
