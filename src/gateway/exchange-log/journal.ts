import {
  closeSync,
  fdatasync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  write,
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
}

const NAME = /^(?:journal|spool)-(\d+)-(\d+)-\d+\.jsonl$/;

/** The journal files of a directory, oldest first, with the pid of the process that wrote each. */
export function listSegments(dir: string): { file: string; pid: number }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((file) => ({ file, pid: Number(NAME.exec(file)?.[2] ?? 0) }));
}

/** True when a process of that id runs on this host (a live node owns its journal files). */
export function processAlive(pid: number): boolean {
  if (!pid || pid === process.pid) return false;
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
  const name = `journal-${String(Date.now()).padStart(15, '0')}-${process.pid}-${counter++}.jsonl`;
  const path = join(dir, name);
  const fd = openSync(path, 'a', 0o600);
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return { path, fd, count: 0, shipped: 0, records: [], closed: false };
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

/** Appends the text and fdatasyncs it (in the thread pool: the event loop keeps serving). */
export function appendDurably(fd: number, text: string): Promise<void> {
  const buffer = Buffer.from(text, 'utf8');
  return new Promise((resolve, reject) => {
    const writeFrom = (offset: number) => {
      write(fd, buffer, offset, buffer.length - offset, null, (error, written) => {
        if (error) return reject(error);
        if (offset + written < buffer.length) return writeFrom(offset + written);
        fdatasync(fd, (syncError) => (syncError ? reject(syncError) : resolve()));
      });
    };
    writeFrom(0);
  });
}
