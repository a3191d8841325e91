import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { safeEqual, sha256 } from '../../../platform/crypto/secrets.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { interopApis, interopCredentials, interopSubscriptions } from '../db/tables.js';
import { declaredScopes, TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_TTL_SECONDS } from '../model.js';
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

/** Why a token request was refused, as the audit trail records it. */
export type TokenRefusal =
  | 'unknown_client'
  | 'bad_secret'
  | 'revoked'
  | 'expired'
  | 'invalid_scope';

/**
 * OAuth2 client credentials grant (RFC 6749 §4.4), as SPLP uses at its edge: a consumer's OAuth
 * client exchanges its id and secret for a short-lived JWT (EdDSA) the gateway verifies offline.
 * The token's scopes are those asked for, each of which must be granted by one of the consumer's
 * active subscriptions (a subscription without a scope list grants its API's operation scopes);
 * without `scope`, all granted scopes.
 *
 * Every token issued leaves an `interop_token.issue` audit event (client, consumer, scopes,
 * expiry, jti — never the token or the secret) committed before the token is returned; a refused
 * client authentication or scope leaves `interop_token.refused` in its own committed
 * transaction, as identity records failed sign-ins (`auth.login_failed`). The actor is the client
 * (anonymous in the platform's sense), whatever session the caller may also carry.
 */
export async function issueToken(requestCtx: Ctx, input: TokenRequest) {
  const ctx: Ctx = { ...requestCtx, actor: null };
  const db = ctx.db;
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
  const clientId = input.clientId;
  const refuse = async (reason: TokenRefusal, error: OAuthError): Promise<never> => {
    await inTransaction(ctx, (tx) =>
      recordAuditEvent(tx, ctx, {
        action: 'interop_token.refused',
        entityType: 'interop_credential',
        entityId: client?.id ?? null,
        // The client id as presented (bounded: it is caller input); never the secret.
        after: {
          clientId: clientId.slice(0, 100),
          consumerId: client?.consumerId ?? null,
          reason,
          ...(reason === 'invalid_scope' ? { scope: input.scope?.slice(0, 500) ?? null } : {}),
        },
        anonymous: { id: null, label: `oauth2:${clientId.slice(0, 100)}` },
      }),
    );
    throw error;
  };
  const authFailed = () => new OAuthError('invalid_client', 401, 'Client authentication failed');
  if (!client) return refuse('unknown_client', authFailed());
  const hash = sha256(input.clientSecret);
  const now = Date.now();
  // During a rotation's grace period the replaced secret still authenticates.
  const secretOk =
    safeEqual(hash, client.secretHash) ||
    (!!client.previousSecretHash &&
      !!client.previousExpiresAt &&
      new Date(client.previousExpiresAt).getTime() > now &&
      safeEqual(hash, client.previousSecretHash));
  if (!secretOk) return refuse('bad_secret', authFailed());
  if (client.revokedAt) return refuse('revoked', authFailed());
  if (client.expiresAt && new Date(client.expiresAt).getTime() <= now) {
    return refuse('expired', authFailed());
  }

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
    // Within the subscription's scopes, and only those its API still declares.
    const declared = declaredScopes(s.operations);
    for (const scope of s.scopes?.filter((x) => declared.has(x)) ?? declared) {
      granted.add(scope);
    }
  }
  const asked = input.scope?.trim() ? input.scope.trim().split(/\s+/) : null;
  if (asked?.some((s) => !granted.has(s))) {
    return refuse(
      'invalid_scope',
      new OAuthError('invalid_scope', 400, 'A requested scope is not granted to this client'),
    );
  }
  const scopes = asked ?? [...granted];
  const scope = scopes.join(' ');
  const key = await currentSigningKey(db, ctx.secrets);
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + TOKEN_TTL_SECONDS;
  const jti = randomUUID();
  const accessToken = await new SignJWT({ client_id: client.clientId, scope })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(client.consumerId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(jti)
    .sign(key.privateKey);
  // The token leaves only once its record has committed (fail-closed, as every audited change).
  await inTransaction(ctx, (tx) =>
    recordAuditEvent(tx, ctx, {
      action: 'interop_token.issue',
      entityType: 'interop_credential',
      entityId: client.id,
      after: {
        clientId: client.clientId,
        consumerId: client.consumerId,
        scopes,
        jti,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
      },
      anonymous: { id: null, label: `oauth2:${client.clientId}` },
    }),
  );
  return { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS, scope };
}
