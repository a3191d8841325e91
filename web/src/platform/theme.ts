import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // A status badge says one short thing: never cut it to "BER…" in a narrow table cell.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});
