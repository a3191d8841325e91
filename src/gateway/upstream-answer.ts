import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

export class BodyTooLarge extends Error {}

/** Called once an answer outgrows the buffer: writes the head, returns false if the client left. */
export type StartStreaming = (answer: UpstreamAnswer) => boolean;

/**
 * One upstream answer, received through undici's dispatch handler (no stream objects per call).
 * The body is digested as it arrives. A small answer is kept whole and sent after its exchange
 * record is durable. Past `streamAfter` bytes it is relayed as it comes (memory stays bounded),
 * always holding back the latest chunk: the client gets the end of the answer only after its
 * record is durable, or a cut connection if the record cannot be written.
 */
export class UpstreamAnswer implements Dispatcher.DispatchHandler {
  status = 0;
  headers: IncomingHttpHeaders = {};
  /** Bytes received and digested (a chunk past the limit is neither). */
  size = 0;
  /** Buffered body; once streaming, only the held-back chunk. */
  chunks: Buffer[] = [];
  streaming = false;
  readonly done: Promise<void>;
  private readonly hash = createHash('sha256');
  private controller: Dispatcher.DispatchController | null = null;
  private settle!: (error?: Error) => void;
  private output: NodeJS.WritableStream | null = null;

  constructor(
    private readonly maxBytes: number,
    private readonly streamAfter: number,
    private readonly startStreaming: StartStreaming,
    private readonly client: NodeJS.WritableStream,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
  }

  /** `sha-256=<base64>` of the whole body (call once, after `done`). */
  digest(): string {
    return `sha-256=${this.hash.digest('base64')}`;
  }

  /** Stops the upstream call (the client went away). */
  abort(reason: Error) {
    this.controller?.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController) {
    this.controller = controller;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ) {
    this.status = status;
    this.headers = headers;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer) {
    if (this.size + chunk.length > this.maxBytes) {
      controller.abort(new BodyTooLarge());
      return;
    }
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.output) {
      const held = this.chunks[0] as Buffer;
      this.chunks[0] = chunk;
      if (!this.output.write(held)) this.pauseUntilDrained(controller);
      return;
    }
    this.chunks.push(chunk);
    if (this.size <= this.streamAfter) return;
    this.streaming = true;
    if (!this.startStreaming(this)) {
      controller.abort(new Error('client closed'));
      return;
    }
    this.output = this.client;
    const last = this.chunks.pop() as Buffer;
    let flowing = true;
    for (const c of this.chunks) flowing = this.output.write(c);
    this.chunks = [last];
    if (!flowing) this.pauseUntilDrained(controller);
  }

  onResponseEnd() {
    this.settle();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error) {
    this.settle(error);
  }

  private pauseUntilDrained(controller: Dispatcher.DispatchController) {
    controller.pause();
    this.output?.once('drain', () => controller.resume());
  }
}
