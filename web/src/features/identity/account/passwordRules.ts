import type { TFunction } from 'i18next';

export const MIN_PASSWORD_LENGTH = 10;

/** Returns an i18n key for the first violated rule, or null when the password is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'validation.passwordTooShort';
  return null;
}

/** Mantine form rule for a new password. */
export function newPasswordRule(t: TFunction): (value: string) => string | null {
  return (value) => {
    const problem = passwordProblem(value);
    return problem ? t(problem, { min: MIN_PASSWORD_LENGTH }) : null;
  };
}
