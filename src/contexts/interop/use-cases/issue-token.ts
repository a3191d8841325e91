import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { SignJWT } from 'jose';
import type { SecretBox } from '../../../platform/crypto/secrets.js';
import { safeEqual, sha256 } from '../../../platform/crypto/secrets.js';
import type { Db } from '../../../platform/db/client.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { interopApis, interopCredentials, interopSubscriptions } from '../db/tables.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_TTL_SECONDS } from '../model.js';
import { currentSigningKey } from '../signing-keys.js';
import {
  ACTIVE_SUBSCRIPTION_STATE,
  SUBSCRIPTION_SUBJECT,
  SUBSCRIPTION_WORKFLOW_ID,
} from '../subscription-constants.js';

/** An RFC 6749 §5.2 error: `error` code, HTTP status, description. */
export class OAuthError extends Error {
  constructor(
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'unsupported_grant_type'
      | 'invalid_scope',
    readonly status: number,
    readonly description: string,
  ) {
    super(error);
  }
}

export interface TokenRequest {
  grantType: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  scope: string | undefined;
}

/**
 * OAuth2 client credentials grant (RFC 6749 §4.4), as SPLP uses at its edge: a consumer's OAuth
 * client exchanges its id and secret for a short-lived JWT (EdDSA) the gateway verifies offline.
 * The token's scopes are those asked for, each of which must be granted by one of the consumer's
 * active subscriptions (a subscription without a scope list grants its API's operation scopes);
 * without `scope`, all granted scopes.
 */
export async function issueToken(db: Db, secrets: SecretBox, input: TokenRequest) {
  if (input.grantType === undefined)
    throw new OAuthError('invalid_request', 400, 'grant_type is required');
  if (input.grantType !== 'client_credentials') {
    throw new OAuthError('unsupported_grant_type', 400, 'Only client_credentials is supported');
  }
  if (!input.clientId || !input.clientSecret) {
    throw new OAuthError('invalid_client', 401, 'Client authentication failed');
  }
  const [client] = await db
    .select()
    .from(interopCredentials)
    .where(
      and(
        eq(interopCredentials.clientId, input.clientId),
        eq(interopCredentials.kind, 'oauth_client'),
      ),
    );
  const valid =
    client &&
    !client.revokedAt &&
    (!client.expiresAt || new Date(client.expiresAt).getTime() > Date.now()) &&
    safeEqual(sha256(input.clientSecret), client.secretHash);
  if (!client || !valid)
    throw new OAuthError('invalid_client', 401, 'Client authentication failed');

  const subs = await db
    .select({ scopes: interopSubscriptions.scopes, operations: interopApis.operations })
    .from(interopSubscriptions)
    .innerJoin(interopApis, eq(interopApis.id, interopSubscriptions.apiId))
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectId, interopSubscriptions.id),
        eq(workflowInstances.subjectType, SUBSCRIPTION_SUBJECT),
        eq(workflowInstances.workflowId, SUBSCRIPTION_WORKFLOW_ID),
      ),
    )
    .where(
      and(
        eq(interopSubscriptions.consumerId, client.consumerId),
        eq(workflowInstances.state, ACTIVE_SUBSCRIPTION_STATE),
        isNull(interopSubscriptions.endedAt),
      ),
    );
  const granted = new Set<string>();
  for (const s of subs) {
    for (const scope of s.scopes ??
      s.operations.map((op) => op.scope).filter((x): x is string => !!x)) {
      granted.add(scope);
    }
  }
  const asked = input.scope?.trim() ? input.scope.trim().split(/\s+/) : null;
  if (asked?.some((s) => !granted.has(s))) {
    throw new OAuthError('invalid_scope', 400, 'A requested scope is not granted to this client');
  }
  const scope = (asked ?? [...granted]).join(' ');
  const key = await currentSigningKey(db, secrets);
  const accessToken = await new SignJWT({ client_id: client.clientId, scope })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(client.consumerId)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
    .setJti(randomUUID())
    .sign(key.privateKey);
  return { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS, scope };
}
