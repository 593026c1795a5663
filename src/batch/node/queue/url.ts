/**
 * The --queue URL: redis://[user][:password@]host[:port][/db] or rediss:// (TLS). The URL as
 * given (with its password) only ever goes to the Redis client; everything printed, logged or
 * written (messages, errors, manifest.json) uses the safe form, and redact() hides the password
 * in any text that might echo it (a client error, say). A URL without a password takes the one
 * in CLUSTERSIM_QUEUE_PASSWORD, which keeps it out of the machine's process list.
 */
import { InputError } from "../../../scenario/input-error.js";

/** The environment variable with the password for a URL that has none. */
export const PASSWORD_VARIABLE = "CLUSTERSIM_QUEUE_PASSWORD";

/** The form of the URL that the usage texts show. */
export const QUEUE_URL_FORM = "redis://[:password@]host:port[/db] (or rediss:// for TLS)";

/** A parsed --queue URL. */
export interface QueueUrl {
  /** the URL as given, password included: pass it to the Redis client and nowhere else */
  readonly href: string;
  /** the URL with any password replaced by "***" (for messages, logs and manifest.json) */
  readonly safe: string;
  /** rediss:// */
  readonly tls: boolean;
  readonly host: string;
  readonly port: number;
  /** the Redis database number (0..) */
  readonly db: number;
  /** whether the URL carries a password */
  readonly hasPassword: boolean;
  /** `text` with the password (as written and as decoded) replaced by "***" */
  redact(text: string): string;
}

/** Replaces every occurrence of each secret in `text` by "***". */
function hide(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join("***");
  return out;
}

/** Parses a --queue URL (a password-less one takes CLUSTERSIM_QUEUE_PASSWORD from `env`); throws an InputError that never contains the password. */
export function parseQueueUrl(text: string, env: Record<string, string | undefined> = process.env): QueueUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(`--queue expects ${QUEUE_URL_FORM}; the value given is not a URL`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw new InputError(`--queue expects ${QUEUE_URL_FORM}; got a ${url.protocol} URL`);
  const fromEnv = env[PASSWORD_VARIABLE];
  if (url.password === "" && fromEnv) url.password = encodeURIComponent(fromEnv);
  const secrets = url.password === "" ? [] : [url.password, decodeURIComponent(url.password)];
  const redact = (t: string) => hide(t, secrets);
  if (url.hostname === "") throw new InputError(`--queue ${redact(text)}: the URL names no host`);
  const path = url.pathname.replace(/^\//, "");
  if (!/^\d*$/.test(path)) throw new InputError(`--queue ${redact(text)}: the path must be a database number, got "/${redact(path)}"`);
  if (url.search !== "" || url.hash !== "") throw new InputError(`--queue ${redact(text)}: the URL takes no query or fragment`);
  const safeUrl = new URL(url.href);
  if (safeUrl.password !== "") safeUrl.password = "***";
  const tls = url.protocol === "rediss:";
  return {
    href: url.href,
    safe: safeUrl.href,
    tls,
    host: url.hostname,
    port: url.port === "" ? 6379 : Number(url.port),
    db: path === "" ? 0 : Number(path),
    hasPassword: secrets.length > 0,
    redact,
  };
}
