import {
  type Actor,
  hasRole,
  isKominfoAdmin,
  readableAgencies,
} from '../../platform/auth/actor.js';
import { OVERSIGHT_ROLES } from '../../platform/auth/roles.js';

/**
 * The walidata (data_custodian) checks and publishes the data of every agency (Perpres 39/2019
 * Pasal 1 angka 12; Tabanan 44/2022 Pasal 22); in the regency it is one unit, the Dinas Kominfo,
 * so the role counts wherever it is granted.
 */
export const isWalidata = (actor: Actor | null) => hasRole(actor, 'data_custodian');

/**
 * The Pembina Data at regency level (BPS for statistics; coordinated by the Tim Koordinasi SPBE)
 * comments but does not decide; Simpul has no separate role, so the oversight roles act as it.
 */
export const isPembina = (actor: Actor | null) => OVERSIGHT_ROLES.some((r) => hasRole(actor, r));

/** Producers of an agency: data_producer, or the agency's operator and head. */
export const producesFor = (actor: Actor | null, agencyId: string) =>
  hasRole(actor, 'data_producer', agencyId);

/** The agencies whose datasets the actor sees in the console. */
export function dataScope(actor: Actor | null): 'all' | string[] {
  if (isWalidata(actor) || isPembina(actor) || isKominfoAdmin(actor)) return 'all';
  return readableAgencies(actor);
}

export function inDataScope(actor: Actor | null, agencyId: string) {
  const scope = dataScope(actor);
  return scope === 'all' || scope.includes(agencyId);
}

export const canDraftDataset = producesFor;
export const canComment = (actor: Actor | null, agencyId: string) =>
  isPembina(actor) || isWalidata(actor) || producesFor(actor, agencyId);
/** Code lists are master data kept by the walidata (Perpres 39/2019 Pasal 1 angka 10–11). */
export const canManageCodeLists = (actor: Actor | null) =>
  isWalidata(actor) || isKominfoAdmin(actor);
export const canManagePlan = (actor: Actor | null, agencyId: string) =>
  producesFor(actor, agencyId) || isWalidata(actor);

export function dataPermissions(actor: Actor | null): string[] {
  const out: string[] = [];
  if (hasRole(actor, 'data_producer')) out.push('dataset:create', 'dataPlan:manage');
  if (isWalidata(actor)) out.push('dataset:verify', 'referenceList:manage', 'dataPlan:manage');
  if (isWalidata(actor) || isPembina(actor) || hasRole(actor, 'data_producer')) {
    out.push('dataset:read');
  }
  if (isKominfoAdmin(actor)) out.push('dataset:read', 'referenceList:manage');
  return [...new Set(out)];
}
