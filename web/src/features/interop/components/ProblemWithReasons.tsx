import { Code, List, Stack } from '@mantine/core';
import { isProblemError } from '../../../platform/api/problem';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';

/** A failed call with every reason the server gave (e.g. the OpenAPI parser's findings). */
export function ProblemWithReasons({ error }: { error: unknown }) {
  if (!error) return null;
  const reasons = isProblemError(error) ? (error.problem.errors ?? []) : [];
  return (
    <Stack gap={4}>
      <ProblemAlert error={error} />
      {reasons.length ? (
        <List size="sm" data-testid="problem-reasons">
          {reasons.map((reason) => (
            <List.Item key={`${reason.path}:${reason.message}`}>
              <Code>{reason.path || '/'}</Code> {reason.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
