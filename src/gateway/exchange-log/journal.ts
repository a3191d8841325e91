import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fdatasync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ExchangeRecord } from './chain.js';

/**
 * One file of the node's local exchange journal (`DATA_DIR/gateway-spool/*.jsonl`, one JSON
 * record per line). `records` holds the durable lines still in memory; `null` once released
 * (or for a file left by an earlier run): then the file is read again when it is shipped.
 */
export interface Segment {
  path: string;
  fd: number | null;
  /** Durable records written so far (lines fdatasynced). */
  count: number;
  /** Records already committed to the database, in order. */
  shipped: number;
  records: ExchangeRecord[] | null;
  /** No more appends: shipped entirely → the file is removed. */
  closed: boolean;
  /**
   * Some of its records may be in the database already (a file left by another run, or a
   * database write whose outcome is unknown): shipping then skips request ids already present.
   */
  uncertain: boolean;
}

const NAME = /^(?:journal|spool)-(\d+)-(\d+)-(?:([0-9a-f]{8})-)?\d+\.jsonl$/;
/** Tells this process's files from an earlier run's with the same pid (pid 1 in a container). */
const INCARNATION = randomBytes(4).toString('hex');

/**
 * Journal files of the directory that no running process owns, oldest first: an earlier run's
 * (even under the same pid), or a dead node's on this host. A live process's files are its own.
 */
export function orphanSegments(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .filter((file) => {
      const m = NAME.exec(file);
      const pid = Number(m?.[2] ?? 0);
      if (pid === process.pid) return m?.[3] !== INCARNATION;
      return !processAlive(pid);
    });
}

/** True when a process of that id runs on this host. */
export function processAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a journal file; a torn last line (a crash mid-write, never acknowledged) is skipped. */
export function readSegment(path: string): ExchangeRecord[] {
  const records: ExchangeRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as ExchangeRecord);
    } catch {
      // Not fsynced when the process died: its exchange was never answered.
    }
  }
  return records;
}

let counter = 0;

/** A new journal file, its directory entry made durable before the first record goes in. */
export function openSegment(dir: string): Segment {
  mkdirSync(dir, { recursive: true });
  const name = `journal-${String(Date.now()).padStart(15, '0')}-${process.pid}-${INCARNATION}-${counter++}.jsonl`;
  const path = join(dir, name);
  const fd = openSync(path, 'a', 0o600);
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return { path, fd, count: 0, shipped: 0, records: [], closed: false, uncertain: false };
}

export function closeSegment(segment: Segment) {
  segment.closed = true;
  if (segment.fd !== null) {
    closeSync(segment.fd);
    segment.fd = null;
  }
}

export function removeSegment(segment: Segment) {
  closeSegment(segment);
  try {
    unlinkSync(segment.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Appends the text and fdatasyncs it. The write goes to the page cache at once (a few
 * microseconds, no thread-pool round trip); the flush waits in the thread pool while the event
 * loop keeps serving.
 */
export function appendDurably(fd: number, text: string): Promise<void> {
  try {
    const buffer = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < buffer.length; ) {
      offset += writeSync(fd, buffer, offset, buffer.length - offset);
    }
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) =>
    fdatasync(fd, (error) => (error ? reject(error) : resolve())),
  );
}
