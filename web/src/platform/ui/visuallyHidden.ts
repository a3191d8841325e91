import type { CSSProperties } from 'react';

/**
 * Hides a label from sight but not from assistive technology, e.g. the per-row labels of a form
 * laid out as a table whose header already names the columns. Use as `styles={{ label: … }}`.
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
