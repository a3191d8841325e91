import type { ApplicationDetail } from './api';

export type LifecycleBlock =
  | 'applications.lifecycle.blocked.documents'
  | 'applications.lifecycle.blocked.consultation';

/**
 * Transitions the server offers but will refuse because a guard is not met yet (the engine does not
 * run guards when listing them): passing the feasibility test needs the four documents (Perbup
 * Tabanan 44/2022 Pasal 7 ayat (4)); implementation needs a consultation with the Kepala Dinas
 * recorded in the current development cycle (ayat (3)). Values are i18n keys of the reason.
 */
export function lifecycleBlocks(
  app: Pick<ApplicationDetail, 'completeness'> & {
    lifecycle: Pick<ApplicationDetail['lifecycle'], 'timeline'>;
  },
): Partial<Record<string, LifecycleBlock>> {
  const blocks: Partial<Record<string, LifecycleBlock>> = {};
  if (app.completeness.missing.length > 0) {
    blocks.pass_feasibility_test = 'applications.lifecycle.blocked.documents';
  }
  const events = app.lifecycle.timeline;
  const cycleStart = Math.max(
    0,
    ...events
      .filter((event) => event.transition === 'start' || event.transition === 'redevelop')
      .map((event) => event.seq),
  );
  const consulted = events.some(
    (event) => event.transition === 'record_consultation' && event.seq > cycleStart,
  );
  if (!consulted) blocks.to_implementation = 'applications.lifecycle.blocked.consultation';
  return blocks;
}
