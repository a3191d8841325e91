import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file contents live, addressed by their SHA-256: the same bytes are stored once, and no
 * user input ever becomes part of a path. Two implementations: a local directory (below) and an
 * S3-compatible bucket (s3-file-store.ts), chosen by createFileStoreFromEnv; both pass
 * file-store.contract.ts.
 */
export interface FileStore {
  /** Stores the bytes (once) and returns their SHA-256 in hex. */
  put(bytes: Buffer): Promise<string>;
  /** A stream of the stored bytes; rejects when they are missing. */
  read(sha256: string): Promise<Readable>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * `ab/cd/<sha256>`: the one layout of every store, two levels of fan-out so no directory (or
 * listing page) grows huge. Refuses anything but a SHA-256, so no input becomes a path.
 */
export function objectPath(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Files under `<rootDir>/ab/cd/<sha256>`, each written to a temporary name, synced, renamed. */
export function createFileStore(rootDir: string): FileStore {
  const pathOf = (sha256: string) => join(rootDir, ...objectPath(sha256).split('/'));
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (await exists(target)) return sha256;
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'wx', 0o640);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        // Atomic on one filesystem: readers see the whole file or none. Same bytes, same name, so
        // a concurrent upload of the same content loses nothing.
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return sha256;
    },
    async read(sha256) {
      const handle = await open(pathOf(sha256), 'r');
      return handle.createReadStream();
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
