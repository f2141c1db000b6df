import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Deflate's fastest level: the history is written on the alert path, read rarely. */
const LEVEL = 1;
const MIN_WINDOW_BITS = 9;
const MAX_WINDOW_BITS = 15;

/**
 * Deflates one stored envelope with a window no larger than the envelope itself. zlib's defaults set up
 * 256 KB of state for every call, which for a 1 KB envelope costs far more than compressing it (page
 * faults for every row of a storm, measured at hundreds of µs a row on a loaded machine); a window sized
 * to the input compresses the same bytes as well and keeps the state a few KB. Raw deflate streams with
 * a smaller window inflate with the default (largest) one, so rows written either way read alike.
 */
export function deflateEnvelope(bytes: Uint8Array): Buffer {
  const windowBits = Math.min(
    MAX_WINDOW_BITS,
    Math.max(MIN_WINDOW_BITS, Math.ceil(Math.log2(Math.max(bytes.length, 1)))),
  );
  const memLevel = Math.max(1, windowBits - 7);
  return deflateRawSync(bytes, { level: LEVEL, windowBits, memLevel });
}

export function inflateEnvelope(stored: Buffer): Buffer {
  return inflateRawSync(stored);
}
