/**
 * Scenarios in Redis by content hash: the coordinator puts each resolved scenario's canonical
 * JSON under its SHA-256; a worker fetches those it has not cached, checks the hash and then the
 * scenario schema, so it only ever runs data that the schema accepts.
 */
import type { Redis as RedisClient } from "ioredis";
import { ScenarioSchema, type Scenario } from "../../../scenario/schema.js";
import { InvalidDataError, keys, sha256 } from "./protocol.js";

/** How long a scenario stays in Redis after its batch last registered it, s. */
const SCENARIO_TTL_S = 7 * 24 * 3600;

/** Puts scenarios (text and hash) in Redis; one already there keeps its text and gets a fresh expiry. */
export async function publishScenarios(redis: RedisClient, scenarios: readonly { text: string; hash: string }[]): Promise<void> {
  const seen = new Set<string>();
  const pipe = redis.pipeline();
  for (const s of scenarios) {
    if (seen.has(s.hash)) continue;
    seen.add(s.hash);
    pipe.set(keys.scenario(s.hash), s.text, "EX", SCENARIO_TTL_S, "NX");
    pipe.expire(keys.scenario(s.hash), SCENARIO_TTL_S);
  }
  const replies = (await pipe.exec()) ?? [];
  const failed = replies.find(([err]) => err !== null);
  if (failed) throw failed[0];
}

/** Checks a scenario's text against its content hash and the schema; throws saying which check failed. */
export function verifyScenario(hash: string, text: string): Scenario {
  if (sha256(text) !== hash) throw new InvalidDataError(`the scenario stored under ${hash.slice(0, 12)}… does not match its hash`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidDataError(`the scenario stored under ${hash.slice(0, 12)}… is not JSON`);
  }
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) throw new InvalidDataError(`the scenario stored under ${hash.slice(0, 12)}… does not match the scenario schema: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** A worker's scenarios by content hash, fetched from Redis once each; the least recently used go beyond `limit`. */
export class ScenarioCache {
  private readonly cache = new Map<string, Scenario>();

  constructor(
    private readonly redis: RedisClient,
    private readonly limit = 500,
  ) {}

  /** The scenarios with these hashes, fetching the uncached ones (an error names a missing or wrong one). */
  async get(hashes: readonly string[]): Promise<Scenario[]> {
    const missing = [...new Set(hashes.filter((h) => !this.cache.has(h)))];
    for (let at = 0; at < missing.length; at += 100) {
      const part = missing.slice(at, at + 100);
      const texts = await this.redis.mget(part.map(keys.scenario));
      part.forEach((h, k) => {
        const text = texts[k];
        if (text === null) throw new Error(`scenario ${h.slice(0, 12)}… is not in Redis (its batch has not registered it again yet)`);
        this.cache.set(h, verifyScenario(h, text));
      });
    }
    const out = hashes.map((h) => this.cache.get(h)!);
    for (const h of new Set(hashes)) {
      this.cache.delete(h); // most recently used last
      this.cache.set(h, out[hashes.indexOf(h)]);
    }
    for (const h of this.cache.keys()) {
      if (this.cache.size <= Math.max(this.limit, hashes.length)) break;
      this.cache.delete(h);
    }
    return out;
  }
}
