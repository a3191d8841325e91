import { randomUUID } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

type PrivateKey = Awaited<ReturnType<typeof importJWK>>;

import type { SecretBox } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/client.js';
import { interopSigningKeys } from './db/tables.js';
import { bumpConfigVersion } from './gateway-snapshot.js';

export interface SigningKey {
  kid: string;
  privateKey: PrivateKey;
}

/**
 * The key signing access tokens (Ed25519, EdDSA): the newest one not retired. Created on first
 * use, its private JWK sealed with the instance key, its public JWK published to the gateways
 * through the snapshot (the configuration version is bumped with it).
 */
export async function currentSigningKey(db: Db, secrets: SecretBox): Promise<SigningKey> {
  const [row] = await db
    .select()
    .from(interopSigningKeys)
    .where(isNull(interopSigningKeys.retiredAt))
    .orderBy(interopSigningKeys.createdAt)
    .limit(1);
  if (row) {
    return {
      kid: row.kid,
      privateKey: await importJWK(JSON.parse(secrets.open(row.privateJwkSealed)) as JWK, 'EdDSA'),
    };
  }
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  const privateJwk = await exportJWK(privateKey);
  await db.transaction(async (tx) => {
    await tx.insert(interopSigningKeys).values({
      kid,
      alg: 'EdDSA',
      privateJwkSealed: secrets.seal(JSON.stringify(privateJwk)),
      publicJwk,
    });
    await bumpConfigVersion(tx as never);
  });
  return { kid, privateKey };
}
