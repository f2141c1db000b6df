import { HttpException } from '@nestjs/common';
import { badRequestFor, problem } from '@oncall/platform-runtime';
import { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip, inflate, inflateRaw, InputType, ZlibOptions } from 'node:zlib';
import { jsonNestingExceeds } from './json-nesting';

/** Deeper JSON is refused before anything walks it recursively (validation, encoding for the bus). */
export const MAX_JSON_NESTING = 64;

type Decompress = (buffer: InputType, options: ZlibOptions) => Promise<Buffer>;
const DECOMPRESSORS: Record<'gzip' | 'deflate' | 'deflate-raw', Decompress> = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  'deflate-raw': promisify(inflateRaw),
};

/**
 * Reads an alert body (ADR 0132): JSON (`application/json`, `application/*+json`, or no Content-Type at
 * all, as some PagerDuty senders post), UTF-8, optionally gzip- or deflate-encoded, at most `maxBytes`
 * as sent and again once decompressed, a JSON object nested at most MAX_JSON_NESTING deep. Refusals name
 * the header (415) or `body` (400).
 */
export async function readAlertBody(
  headers: IncomingHttpHeaders,
  stream: Readable,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  requireJsonMediaType(headers['content-type']);
  const encoding = contentEncodingOf(headers['content-encoding']);
  const sent = await readBytes(stream, headers['content-length'], maxBytes);
  const bytes = encoding === 'identity' ? sent : await decompress(sent, encoding, maxBytes);
  return parseJsonObject(bytes);
}

function requireJsonMediaType(contentType: string | undefined): void {
  if (contentType === undefined) return;
  const [mediaType, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mediaType)) {
    throw unsupported('content-type', 'content-type must be application/json');
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='));
  const name = charset?.slice('charset='.length).replace(/^"|"$/g, '');
  if (name !== undefined && !['utf-8', 'utf8', 'us-ascii'].includes(name)) {
    throw unsupported('content-type', 'content-type must have charset utf-8 (or none)');
  }
}

function contentEncodingOf(header: string | undefined): 'identity' | 'gzip' | 'deflate' {
  const encoding = (header ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return 'identity';
  if (encoding === 'gzip' || encoding === 'x-gzip') return 'gzip';
  if (encoding === 'deflate') return 'deflate';
  throw unsupported('content-encoding', 'content-encoding must be gzip, deflate or identity');
}

function readBytes(stream: Readable, declaredLength: string | undefined, maxBytes: number): Promise<Buffer> {
  if (declaredLength !== undefined && Number(declaredLength) > maxBytes) {
    return Promise.reject(tooLarge(maxBytes, false));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: () => void) => {
      stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onError);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // The rest is left to flow away unread; the answer goes out at once.
      if (size > maxBytes) finish(() => reject(tooLarge(maxBytes, false)));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(() => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    const onError = () =>
      finish(() => reject(badRequestFor([{ field: 'body', message: 'body could not be read' }])));
    stream.on('data', onData).once('end', onEnd).once('error', onError).once('close', onError);
  });
}

async function decompress(sent: Buffer, encoding: 'gzip' | 'deflate', maxBytes: number): Promise<Buffer> {
  // "deflate" is zlib-wrapped by the standard, but some senders send the raw stream: tell them apart.
  const format = encoding === 'deflate' && !hasZlibHeader(sent) ? 'deflate-raw' : encoding;
  try {
    return await DECOMPRESSORS[format](sent, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes, true);
    throw badRequestFor([{ field: 'body', message: `body is not valid ${encoding} data` }]);
  }
}

function hasZlibHeader(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0] & 0x0f) === 8 && ((bytes[0] << 8) | bytes[1]) % 31 === 0;
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> {
  const text = bytes.toString('utf8');
  // Some Windows tools start with a byte order mark, which JSON.parse refuses.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw badRequestFor([{ field: 'body', message: 'body must be valid JSON' }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequestFor([{ field: 'body', message: 'body must be a JSON object' }]);
  }
  if (jsonNestingExceeds(json, MAX_JSON_NESTING)) {
    throw badRequestFor([
      { field: 'body', message: `body must not nest objects and arrays more than ${MAX_JSON_NESTING} deep` },
    ]);
  }
  return parsed as Record<string, unknown>;
}

function tooLarge(maxBytes: number, decompressed: boolean): HttpException {
  const when = decompressed ? ' once decompressed' : '';
  return badRequestFor([{ field: 'body', message: `body must be at most ${maxBytes} bytes${when}` }]);
}

function unsupported(field: 'content-type' | 'content-encoding', message: string): HttpException {
  return new HttpException(
    problem(415, `Unsupported ${field}: ${message}.`, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      errors: [{ field, message }],
    }),
    415,
  );
}
