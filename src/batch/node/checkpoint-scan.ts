/**
 * Reading a checkpoint file frame by frame without holding it (checkpoint-codec.ts gives the
 * format): its header, then each runs frame whose checksum holds, and where the intact part
 * ends. Read-only: the file store truncates what follows the intact part; tests and tools may
 * scan a checkpoint that a running batch is writing.
 */
import { closeSync } from "node:fs";
import type { StoreHeader } from "../store.js";
import { FRAME_HEAD_BYTES, HEADER_TAG, RUNS_TAG, checksumHolds, readHead, readRunsFrame, type RunsFrame } from "./checkpoint-codec.js";
import { openRegular, readAt } from "./regular-file.js";

/** One intact runs frame: where it is and its fixed fields. */
export interface ScannedFrame extends RunsFrame {
  /** byte offset of the frame's head */
  offset: number;
  /** bytes of the whole frame (head and body) */
  bytes: number;
}

/** What a scan found: the header (null when there is no complete one), and where the intact frames end. */
export interface ScanEnd {
  header: StoreHeader | null;
  /** bytes of the intact part (header and frames), where the next frame goes */
  end: number;
  /** the file's size */
  size: number;
  /** why the scan stopped before the end of the file (a torn or damaged record), or null */
  damage: string | null;
}

/** Reads and checks the header frame at the start of the file; null when there is no complete, intact header. */
export function readHeader(fd: number, size: number): { header: StoreHeader; end: number } | null {
  const head = readAt(fd, FRAME_HEAD_BYTES, 0);
  const h = readHead(head, size);
  if (typeof h === "string" || h.tag !== HEADER_TAG) return null;
  const body = readAt(fd, h.length, FRAME_HEAD_BYTES);
  if (body.length !== h.length || !checksumHolds(head, body)) return null;
  try {
    const header = JSON.parse(body.toString("utf8")) as StoreHeader;
    if (header === null || typeof header !== "object") return null;
    return { header, end: FRAME_HEAD_BYTES + h.length };
  } catch {
    return null;
  }
}

/**
 * Scans the runs frames from `start` to `size`, calling `onFrame` with each intact one (its body
 * too, which the callback must not keep). `onFrame` may return a reason to stop, which makes the
 * frame count as damaged. Returns where the intact part ends and why it stopped early.
 */
export function scanFrames(fd: number, start: number, size: number, onFrame: (frame: ScannedFrame, body: Buffer) => string | null): { end: number; damage: string | null } {
  let at = start;
  while (at < size) {
    const head = readAt(fd, FRAME_HEAD_BYTES, at);
    const h = readHead(head, size - at);
    if (typeof h === "string") return { end: at, damage: h };
    if (h.tag !== RUNS_TAG) return { end: at, damage: "a second header" };
    const body = readAt(fd, h.length, at + FRAME_HEAD_BYTES);
    if (!checksumHolds(head, body)) return { end: at, damage: "a record's checksum does not match its bytes" };
    const fixed = readRunsFrame(body);
    if (!fixed) return { end: at, damage: "a record's fields do not add up" };
    const why = onFrame({ ...fixed, offset: at, bytes: FRAME_HEAD_BYTES + h.length }, body);
    if (why) return { end: at, damage: why };
    at += FRAME_HEAD_BYTES + h.length;
  }
  return { end: at, damage: null };
}

/** Scans the checkpoint `file` read-only: its header and the runs of its intact frames (tests, tools). */
export function inspectCheckpoint(file: string): ScanEnd & { frames: ScannedFrame[]; runs: number } {
  const opened = openRegular(file);
  if (!opened) return { header: null, end: 0, size: 0, damage: null, frames: [], runs: 0 };
  try {
    const size = opened.stats.size;
    const h = readHeader(opened.fd, size);
    if (!h) return { header: null, end: 0, size, damage: size > 0 ? "no complete header" : null, frames: [], runs: 0 };
    const frames: ScannedFrame[] = [];
    const { end, damage } = scanFrames(opened.fd, h.end, size, (f) => {
      frames.push(f);
      return null;
    });
    return { header: h.header, end, size, damage, frames, runs: frames.reduce((n, f) => n + f.count, 0) };
  } finally {
    closeSync(opened.fd);
  }
}
