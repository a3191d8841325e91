import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { FileStore } from './file-store.js';

/** A fresh, empty store and a way to count what it holds (the one thing the interface hides). */
export interface FileStoreUnderTest {
  store: FileStore;
  /** How many objects the backing storage holds. */
  storedObjects(): Promise<number>;
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());

/**
 * The behaviour every FileStore must have, so the local directory and the S3 bucket stay
 * interchangeable. Each implementation's test calls this with a factory for an empty store.
 */
export function runFileStoreContract(
  name: string,
  create: () => FileStoreUnderTest | Promise<FileStoreUnderTest>,
) {
  describe(`FileStore contract: ${name}`, () => {
    it('returns the SHA-256 of the bytes and reads them back', async () => {
      const { store } = await create();
      const bytes = Buffer.from('Dokumen Kebutuhan Aplikasi\n');
      const sha256 = await store.put(bytes);
      expect(sha256).toBe(sha256Of(bytes));
      expect((await readAll(await store.read(sha256))).equals(bytes)).toBe(true);
    });

    it('stores the same bytes once', async () => {
      const { store, storedObjects } = await create();
      const bytes = randomBytes(1000);
      const first = await store.put(bytes);
      const second = await store.put(Buffer.from(bytes));
      expect(second).toBe(first);
      expect(await storedObjects()).toBe(1);
      await store.put(randomBytes(10));
      expect(await storedObjects()).toBe(2);
    });

    it('fails clearly, naming the hash, for content it does not hold', async () => {
      const { store } = await create();
      const unknown = sha256Of(Buffer.from('never stored'));
      await expect(store.read(unknown)).rejects.toThrow(unknown);
    });

    it('refuses something that is not a SHA-256 instead of using it as a key', async () => {
      const { store } = await create();
      for (const bad of ['../../etc/passwd', 'ABC', `${'a'.repeat(64)}/..`]) {
        await expect(store.read(bad)).rejects.toThrow('Not a SHA-256');
      }
    });

    it('round-trips 5 MiB unchanged', async () => {
      const { store } = await create();
      const bytes = randomBytes(5 * 1024 * 1024);
      const sha256 = await store.put(bytes);
      const back = await readAll(await store.read(sha256));
      expect(back.length).toBe(bytes.length);
      expect(sha256Of(back)).toBe(sha256);
    });
  });
}
