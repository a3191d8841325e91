import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.js';
import { type Lang, t } from '../../platform/i18n/messages.js';

// argon2id with the library defaults (m=19 MiB, t=2, p=1): OWASP's recommended minimum.
export const hashPassword = (password: string) => hash(password);

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash it still spends the same time on a dummy hash, so the
 * response time does not tell whether an e-mail is registered.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hash('simpul-dummy-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** At least 10 characters and not the e-mail itself (NIST SP 800-63B: length over composition). */
export function assertPasswordStrength(password: string, email: string, lang: Lang, path: string) {
  if (password.length < 10 || password.toLowerCase() === email.toLowerCase()) {
    throw new AppError('VALIDATION_FAILED', {
      detailKey: 'password.tooWeak',
      errors: [{ path, message: t(lang, 'password.tooWeak') }],
    });
  }
}
