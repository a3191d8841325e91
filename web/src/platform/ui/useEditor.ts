import { useState } from 'react';

/**
 * The create/edit modal of a list screen: closed, open for a new entry, or open for an existing
 * one. The entry stays set while the modal animates closed.
 */
export function useEditor<T>() {
  const [state, setState] = useState<{ opened: boolean; entry: T | null }>({
    opened: false,
    entry: null,
  });
  return {
    opened: state.opened,
    entry: state.entry,
    create: () => setState({ opened: true, entry: null }),
    edit: (entry: T) => setState({ opened: true, entry }),
    close: () => setState((current) => ({ ...current, opened: false })),
  };
}
