/** RFC 9457 problem details as returned by the Simpul API. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldProblem[];
}

/** Thrown by the API client for every non-2xx response (and for network failures). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}

/** Converts a JSON pointer such as `/roles/0/agencyId` into a form path such as `roles.0.agencyId`. */
export function pointerToFieldPath(pointer: string): string {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * Maps the per-field `errors` of a problem onto form field paths. Only the first message per
 * field is kept. Errors without a field path (pointing at the whole body) are skipped: the
 * problem `detail` is shown above the form anyway.
 */
export function problemFieldErrors(error: unknown): Record<string, string> {
  if (!isProblemError(error)) return {};
  const result: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) {
    const path = pointerToFieldPath(item.path);
    if (path && !(path in result)) result[path] = item.message;
  }
  return result;
}

/** Builds a problem for responses that did not carry problem JSON (proxy errors, network failures). */
export function syntheticProblem(status: number, code: string, title: string): Problem {
  return { type: 'about:blank', title, status, detail: '', code };
}
