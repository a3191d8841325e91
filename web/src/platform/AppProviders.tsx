import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, Modal, mergeThemeOverrides, PasswordInput } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { initI18n } from './i18n';
import { createQueryClient } from './queryClient';
import { theme } from './theme';

const i18n = initI18n();

/** Mantine with the app theme plus localised labels for Mantine's own icon-only buttons. */
function LocalisedMantine({ children }: { children: ReactNode }) {
  const { t, i18n: instance } = useTranslation();
  const language = instance.language;
  const localisedTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          PasswordInput: PasswordInput.extend({
            defaultProps: {
              visibilityToggleButtonProps: {
                'aria-label': t('common.togglePassword', { lng: language }),
              },
            },
          }),
          Modal: Modal.extend({
            defaultProps: {
              closeButtonProps: { 'aria-label': t('common.close', { lng: language }) },
            },
          }),
        },
      }),
    [t, language],
  );
  return (
    <MantineProvider theme={localisedTheme}>
      <Notifications position="bottom-right" />
      {children}
    </MantineProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedMantine>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalisedMantine>
    </I18nextProvider>
  );
}
