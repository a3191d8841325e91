import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client';
import type { AvailableTransition, TransitionInput } from '../../platform/workflow/types';

/** Shapes of /api/v1/evaluation (src/contexts/evaluation/http/evaluation.schemas.ts). */

export type TeamRole = 'coordinator' | 'responsible' | 'data_entry' | 'member';
export const TEAM_ROLES: TeamRole[] = ['coordinator', 'responsible', 'data_entry', 'member'];

export interface Scored {
  no: number;
  name: string;
  index: number;
}

export interface IndexResult {
  index: number;
  indexUnrounded: number;
  rating: string;
  domains: Scored[];
  aspects: (Scored & { domain: number })[];
}

export type StageIndex = (IndexResult & { missing: number }) | null;

export interface EvaluationSummary {
  id: string;
  year: number;
  frameworkId: string;
  frameworkTitle: string;
  stage: string;
  stageLabel: string;
  myRole: TeamRole | null;
  self: StageIndex;
  validated: StageIndex;
  external: StageIndex;
}

export interface EvidenceLink {
  kind: 'application' | 'url';
  ref: string;
  label: string;
}

export interface EvaluationIndicator {
  no: number;
  aspect: number;
  domain: number;
  name: string;
  weight: number;
  assigneeId: string | null;
  assigneeName: string | null;
  selfLevel: number | null;
  explanation: string | null;
  evidenceFiles: { id: string; name: string }[];
  evidenceLinks: EvidenceLink[];
  validatedLevel: number | null;
  validationNote: string | null;
  validatedByName: string | null;
  externalLevel: number | null;
}

export interface Member {
  userId: string;
  role: TeamRole;
  function: string | null;
  name: string;
  email: string;
}

export interface Evaluation {
  id: string;
  year: number;
  frameworkId: string;
  frameworkTitle: string;
  agencyId: string;
  stage: string;
  stageLabel: string;
  transitions: AvailableTransition[];
  myRole: TeamRole | null;
  beritaAcara: { id: string; name: string } | null;
  externalSource: string | null;
  members: Member[];
  indicators: EvaluationIndicator[];
  indices: { self: StageIndex; validated: StageIndex; external: StageIndex };
  timeline: {
    transition: string;
    toState: string;
    actorLabel: string;
    comment: string | null;
    at: string;
  }[];
}

export interface Framework {
  id: string;
  title: string;
  indexName: string;
  levelScales: {
    key: string;
    name: string;
    appliesToDomains: number[];
    levels: { level: number; name: string }[];
  }[];
  predikat: { name: string; min: number }[];
  domains: { no: number; name: string; weight: number }[];
  aspects: { no: number; domain: number; name: string; weight: number }[];
  indicators: {
    no: number;
    aspect: number;
    name: string;
    weight: number;
    question?: string;
    criteria: { level: number; text: string }[];
  }[];
}

export interface PlanResult {
  target: number;
  reachable: boolean;
  steps: { no: number; name: string; from: number; to: number; effort: number }[];
  totalEffort: number;
  index?: number;
  rating?: string;
  maximumIndex?: number;
  current: IndexResult;
}

const base = '/evaluation';
const keys = {
  list: ['evaluation', 'list'] as const,
  one: (id: string) => ['evaluation', 'one', id] as const,
  framework: (id: string) => ['evaluation', 'framework', id] as const,
  frameworks: ['evaluation', 'frameworks'] as const,
};

export const useEvaluations = () =>
  useQuery({
    queryKey: keys.list,
    queryFn: () => api<{ items: EvaluationSummary[] }>(`${base}/evaluations`),
  });

export const useEvaluation = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => api<Evaluation>(`${base}/evaluations/${id}`) });

export const useFramework = (id: string | undefined) =>
  useQuery({
    queryKey: keys.framework(id ?? ''),
    queryFn: () => api<Framework>(`${base}/frameworks/${id}`),
    enabled: Boolean(id),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useFrameworks = () =>
  useQuery({
    queryKey: keys.frameworks,
    queryFn: () =>
      api<{ items: { id: string; title: string; validFromYear: number }[] }>(`${base}/frameworks`),
  });

/** A write that answers with the evaluation: the cache is updated with it. */
function useEvaluationWrite<I>(id: string, request: (input: I) => Promise<Evaluation>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => {
      qc.setQueryData(keys.one(id), data);
      void qc.invalidateQueries({ queryKey: keys.list });
    },
  });
}

export const useCreateEvaluation = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; frameworkId: string }) =>
      api<Evaluation>(`${base}/evaluations`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.list }),
  });
};

export const useSetTeam = (id: string) =>
  useEvaluationWrite(
    id,
    (body: { members: { userId: string; role: TeamRole; function?: string | null }[] }) =>
      api<Evaluation>(`${base}/evaluations/${id}/team`, { method: 'PUT', body }),
  );

export const useAssign = (id: string) =>
  useEvaluationWrite(id, (body: { indicatorNos: number[]; assigneeId: string | null }) =>
    api<Evaluation>(`${base}/evaluations/${id}/assignments`, { method: 'POST', body }),
  );

export const useSelfAssess = (id: string) =>
  useEvaluationWrite(
    id,
    ({
      no,
      ...body
    }: {
      no: number;
      level: number;
      explanation: string | null;
      evidenceFileIds: string[];
      evidenceLinks: EvidenceLink[];
    }) =>
      api<Evaluation>(`${base}/evaluations/${id}/indicators/${no}/self-assessment`, {
        method: 'PUT',
        body,
      }),
  );

export const useValidate = (id: string) =>
  useEvaluationWrite(id, ({ no, ...body }: { no: number; level: number; note: string | null }) =>
    api<Evaluation>(`${base}/evaluations/${id}/indicators/${no}/validation`, {
      method: 'PUT',
      body,
    }),
  );

export const useExternalLevels = (id: string) =>
  useEvaluationWrite(id, (body: { levels: Record<string, number>; source?: string | null }) =>
    api<Evaluation>(`${base}/evaluations/${id}/external-levels`, { method: 'PUT', body }),
  );

export const useBeritaAcara = (id: string) =>
  useEvaluationWrite(id, (body: { fileId: string }) =>
    api<Evaluation>(`${base}/evaluations/${id}/berita-acara`, { method: 'PUT', body }),
  );

export const useEvaluationTransition = (id: string) =>
  useEvaluationWrite(id, (body: TransitionInput) =>
    api<Evaluation>(`${base}/evaluations/${id}/transitions`, {
      method: 'POST',
      body: { transition: body.transition, ...(body.comment ? { comment: body.comment } : {}) },
    }),
  );

export const whatIf = (id: string, levels: Record<string, number>) =>
  api<IndexResult>(`${base}/evaluations/${id}/what-if`, { method: 'POST', body: { levels } });

export const planTarget = (
  id: string,
  body: { targetIndex?: number; targetRating?: string; efforts?: Record<string, number> },
) => api<PlanResult>(`${base}/evaluations/${id}/plan`, { method: 'POST', body });

export const reportPath = (id: string) => `${base}/evaluations/${id}/report.pdf`;
export const sheetPath = (id: string) => `${base}/evaluations/${id}/indicators.xlsx`;
export const beritaAcaraDraftPath = (id: string) =>
  `${base}/evaluations/${id}/berita-acara-draft.pdf`;

/** Two decimals with the language's decimal mark (3,28 in Indonesian). */
export const formatIndex = (value: number | null | undefined, lang: string) =>
  value === null || value === undefined
    ? '–'
    : value.toLocaleString(lang === 'en' ? 'en' : 'id', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });

export const useTeamCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['evaluation', 'candidates', id],
    queryFn: () =>
      api<{ items: { id: string; name: string; email: string; agencyName: string | null }[] }>(
        `${base}/evaluations/${id}/candidates`,
      ),
    enabled,
  });
