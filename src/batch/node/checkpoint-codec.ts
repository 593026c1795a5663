/**
 * The checkpoint's bytes: a sequence of frames, each `tag (4 ASCII bytes) | body length (u32 LE)
 * | checksum (the first 8 bytes of SHA-256 over tag, length and body) | body`. The first frame
 * (tag CKH3) holds the store header as JSON; every other frame (CKR3) holds one shard's runs:
 * scenario, first run, count, record width, the byte length of the error block and the run seeds
 * (u32 LE each), then, deflated, the error block (per run a u32 length + 1 and the UTF-8 message,
 * 0 for none) and the record values (count x width float64, zero for a failed run) split into
 * byte planes (all first bytes, then all second bytes, ...), which deflate shrinks better.
 * A frame whose checksum, length or fields do not hold is damaged: the store drops it.
 */
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ShardResult } from "../run-shard.js";
import type { StoreHeader } from "../store.js";

/** Bytes before a frame's body: tag, length, checksum. */
export const FRAME_HEAD_BYTES = 16;
/** Largest frame body accepted when reading (a longer length field is damage), bytes. */
export const MAX_FRAME_BODY = 256 * 1024 * 1024;
/** Tag of the header frame. */
export const HEADER_TAG = "CKH3";
/** Tag of a frame of runs. */
export const RUNS_TAG = "CKR3";
/** Bytes of a runs frame's fixed fields (five u32). */
const FIXED_BYTES = 20;

/** The checksum of a frame: the first 8 bytes of SHA-256 over its tag, length and body. */
function checksum(head: Buffer, body: Uint8Array): Buffer {
  return createHash("sha256").update(head.subarray(0, 8)).update(body).digest().subarray(0, 8);
}

/** A whole frame around `body`. */
function frame(tag: string, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEAD_BYTES + body.length);
  out.write(tag, 0, "latin1");
  out.writeUInt32LE(body.length, 4);
  checksum(out, body).copy(out, 8);
  out.set(body, FRAME_HEAD_BYTES);
  return out;
}

/** The frame of a store header. */
export function encodeHeader(header: StoreHeader): Buffer {
  return frame(HEADER_TAG, Buffer.from(JSON.stringify(header), "utf8"));
}

/** Splits float64 bytes into byte planes (plane b holds byte b of every value). */
function toPlanes(bytes: Uint8Array): Uint8Array {
  const n = bytes.length / 8;
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < 8; b++) for (let i = 0, k = b * n; i < n; i++, k++) out[k] = bytes[i * 8 + b];
  return out;
}

/** Joins byte planes back into float64 bytes. */
function fromPlanes(planes: Uint8Array): Float64Array {
  const n = planes.length / 8;
  const bytes = new Uint8Array(planes.length);
  for (let b = 0; b < 8; b++) for (let i = 0, k = b * n; i < n; i++, k++) bytes[i * 8 + b] = planes[k];
  return new Float64Array(bytes.buffer);
}

/** The frame of a shard's runs (-0 stored as 0, NaN kept; a failed run's values as zeros). */
export function encodeRuns(result: ShardResult): Buffer {
  const { shard, width, data, errors } = result;
  const messages = errors.map((e) => (e === null ? null : Buffer.from(e, "utf8")));
  const errorBytes = messages.reduce((n, m) => n + 4 + (m?.length ?? 0), 0);
  const plain = Buffer.alloc(errorBytes + shard.count * width * 8);
  let at = 0;
  for (const m of messages) {
    plain.writeUInt32LE(m === null ? 0 : m.length + 1, at);
    at += 4;
    if (m) at += m.copy(plain, at);
  }
  const values = new Float64Array(shard.count * width);
  for (let j = 0; j < shard.count; j++) {
    if (errors[j] !== null) continue;
    for (let c = 0; c < width; c++) {
      const v = data[j * width + c];
      values[j * width + c] = v === 0 ? 0 : v;
    }
  }
  plain.set(toPlanes(new Uint8Array(values.buffer)), errorBytes);
  const packed = deflateRawSync(plain);
  const body = Buffer.allocUnsafe(FIXED_BYTES + 4 * shard.count + packed.length);
  [shard.scenarioIndex, shard.firstRun, shard.count, width, errorBytes].forEach((x, i) => body.writeUInt32LE(x, 4 * i));
  for (let j = 0; j < shard.count; j++) body.writeUInt32LE(shard.seeds[j], FIXED_BYTES + 4 * j);
  packed.copy(body, FIXED_BYTES + 4 * shard.count);
  return frame(RUNS_TAG, body);
}

/** A frame's head as read: its tag and body length, or why it cannot be a frame. */
export function readHead(head: Buffer, available: number): { tag: string; length: number } | string {
  if (head.length < FRAME_HEAD_BYTES) return "it ends inside a record's head";
  const tag = head.toString("latin1", 0, 4);
  if (tag !== HEADER_TAG && tag !== RUNS_TAG) return "a record does not start where one should";
  const length = head.readUInt32LE(4);
  if (length > MAX_FRAME_BODY || FRAME_HEAD_BYTES + length > available) return "it ends inside a record";
  return { tag, length };
}

/** Whether `body` is the body that `head` (the frame's first 16 bytes) was written with. */
export function checksumHolds(head: Buffer, body: Uint8Array): boolean {
  return checksum(head, body).equals(head.subarray(8, 16));
}

/** The fixed fields of a runs frame and its seeds; null when they cannot be (lengths do not add up). */
export interface RunsFrame {
  scenario: number;
  firstRun: number;
  count: number;
  width: number;
  errorBytes: number;
  seeds: Uint32Array;
}

/** Reads a runs frame's fixed fields and seeds, or null when the body is too short for them. */
export function readRunsFrame(body: Buffer): RunsFrame | null {
  if (body.length < FIXED_BYTES) return null;
  const [scenario, firstRun, count, width, errorBytes] = [0, 1, 2, 3, 4].map((i) => body.readUInt32LE(4 * i));
  if (count === 0 || body.length < FIXED_BYTES + 4 * count || errorBytes < 4 * count) return null;
  const seeds = new Uint32Array(count);
  for (let j = 0; j < count; j++) seeds[j] = body.readUInt32LE(FIXED_BYTES + 4 * j);
  return { scenario, firstRun, count, width, errorBytes, seeds };
}

/** A runs frame decoded: per run its error or null, and the record values (count x width). */
export interface DecodedRuns {
  errors: (string | null)[];
  values: Float64Array;
}

/** Decodes the errors and values of a runs frame (throws when the deflated part does not hold what the fields say). */
export function decodeRuns(body: Buffer, f: RunsFrame): DecodedRuns {
  const size = f.errorBytes + f.count * f.width * 8;
  const plain = inflateRawSync(body.subarray(FIXED_BYTES + 4 * f.count), { maxOutputLength: Math.max(1, size) });
  if (plain.length !== size) throw new Error(`a record holds ${plain.length} bytes, its fields say ${size}`);
  const errors: (string | null)[] = [];
  let at = 0;
  for (let j = 0; j < f.count; j++) {
    const n = plain.readUInt32LE(at);
    at += 4;
    if (n === 0) errors.push(null);
    else {
      if (at + n - 1 > f.errorBytes) throw new Error("a record's messages overrun their block");
      errors.push(plain.toString("utf8", at, at + n - 1));
      at += n - 1;
    }
  }
  if (at !== f.errorBytes) throw new Error("a record's message block has bytes left over");
  return { errors, values: fromPlanes(plain.subarray(f.errorBytes)) };
}
