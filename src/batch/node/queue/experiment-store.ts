/**
 * An experiment's part of a batch in Redis: the coordinator puts the plan's PlanExperiment (run
 * spec, replications, design points; megabytes for a large Saltelli design) under the SHA-256
 * of its canonical JSON, once per batch, and names the hash in the batch's registration; a
 * worker fetches it once per batch, checks the hash and then the schema below, and cuts each
 * job's ShardExperiment from it. Only data that validates is ever run: the schema admits the
 * run spec's shapes and nothing else (no code), and each point's scenario is validated again
 * with the scenario schema when it is built (experiment/apply.ts).
 */
import type { Redis as RedisClient } from "ioredis";
import { z } from "zod";
import { canonicalJson } from "../../../scenario/index.js";
import type { PlanExperiment } from "../../experiment/spec.js";
import { InvalidDataError, keys, sha256 } from "./protocol.js";

/** How long an experiment stays in Redis after its batch last registered it, s (as scenarios). */
const EXPERIMENT_TTL_S = 7 * 24 * 3600;
/** Most design points a batch may carry (a Saltelli design of 20 factors at n = 2^17 has 2.9 million). */
export const MAX_POINTS = 10_000_000;

const finite = z.number();
const count = (max: number) => z.number().int().min(1).max(max);
const name = z.string().min(1).max(500);

const ModelSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("scenario") }),
  z.strictObject({ kind: z.literal("ishigami"), a: finite, b: finite, noise: finite.min(0) }),
  z.strictObject({ kind: z.literal("sobol-g"), a: z.array(finite).min(1).max(1000), noise: finite.min(0) }),
  z.strictObject({ kind: z.literal("box"), dimensions: count(1000), box: z.array(z.tuple([finite, finite])).max(1000), noise: finite.min(0) }),
]);

const FactorSchema = z.strictObject({
  name,
  paths: z.array(z.array(z.union([z.string().max(500), z.number().int().min(0).max(1_000_000)])).min(1).max(100)).max(1000),
  apply: z.enum(["set", "scale", "shift"]),
});

const SourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("target"), id: name }),
  z.strictObject({ kind: z.literal("target-value"), id: name }),
  z.strictObject({ kind: z.literal("metric"), metric: name, label: z.string().max(500), year: z.number().int().min(0).max(100_000) }),
  z.strictObject({ kind: z.literal("headline"), name }),
  z.strictObject({ kind: z.literal("output") }),
]);

const ValueSchema = z.strictObject({ source: SourceSchema, atLeast: finite.optional(), atMost: finite.optional() });

/** The number of design columns a model takes: the test function's inputs, or one per factor for a scenario. */
function columnsOf(model: z.infer<typeof ModelSchema>, factors: number): number {
  if (model.kind === "scenario") return factors;
  if (model.kind === "ishigami") return 3;
  return model.kind === "sobol-g" ? model.a.length : model.dimensions;
}

/** A PlanExperiment as a worker accepts it: the shapes of experiment/spec.ts, every point as wide as the model's columns. */
export const PlanExperimentSchema = z
  .strictObject({
    spec: z.strictObject({
      model: ModelSchema,
      factors: z.array(FactorSchema).max(1000),
      values: z.array(ValueSchema).min(1).max(1000),
    }),
    replications: count(1_000_000),
    points: z.array(z.array(finite).max(1000)).min(1).max(MAX_POINTS),
  })
  .superRefine((ex, ctx) => {
    const m = ex.spec.model;
    // a scenario's factor moves at least one path; a test function's inputs move none
    const wrong = ex.spec.factors.findIndex((f) => (m.kind === "scenario") !== f.paths.length > 0);
    if (wrong >= 0) ctx.addIssue({ code: "custom", message: m.kind === "scenario" ? "a factor moves no path" : "a test function's input moves no scenario path", path: ["spec", "factors", wrong, "paths"] });
    if (m.kind === "box" && m.box.length > m.dimensions) ctx.addIssue({ code: "custom", message: "the box has more bounds than the function has inputs", path: ["spec", "model", "box"] });
    if (ex.points.length * ex.replications > Number.MAX_SAFE_INTEGER) ctx.addIssue({ code: "custom", message: "too many runs", path: ["replications"] });
    const width = columnsOf(m, ex.spec.factors.length);
    if (m.kind !== "scenario" && ex.spec.factors.length !== width) ctx.addIssue({ code: "custom", message: `the test function takes ${width} inputs, the experiment names ${ex.spec.factors.length}`, path: ["spec", "factors"] });
    const bad = ex.points.findIndex((p) => p.length !== width);
    if (bad >= 0) ctx.addIssue({ code: "custom", message: `point ${bad} has ${ex.points[bad].length} values, the model takes ${width}`, path: ["points", bad] });
  });

/** An experiment's canonical JSON (the text stored in Redis) and its content hash. */
export function experimentText(experiment: PlanExperiment): { text: string; hash: string } {
  const text = canonicalJson(experiment);
  return { text, hash: sha256(text) };
}

/** Puts an experiment in Redis under its hash; one already there keeps its text and gets a fresh expiry. */
export async function publishExperiment(redis: RedisClient, experiment: { text: string; hash: string }): Promise<void> {
  const replies = (await redis.pipeline().set(keys.experiment(experiment.hash), experiment.text, "EX", EXPERIMENT_TTL_S, "NX").expire(keys.experiment(experiment.hash), EXPERIMENT_TTL_S).exec()) ?? [];
  const failed = replies.find(([err]) => err !== null);
  if (failed) throw failed[0];
}

/** Checks an experiment's text against its content hash and the schema; throws saying which check failed. */
export function verifyExperiment(hash: string, text: string): PlanExperiment {
  const where = `the experiment stored under ${hash.slice(0, 12)}…`;
  if (sha256(text) !== hash) throw new InvalidDataError(`${where} does not match its hash`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidDataError(`${where} is not JSON`);
  }
  const parsed = PlanExperimentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidDataError(`${where} does not match the experiment schema: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  const experiment: PlanExperiment = parsed.data;
  return experiment;
}

/** Fetches and checks the experiment with this hash (an error names a missing or wrong one). */
export async function fetchExperiment(redis: RedisClient, hash: string): Promise<PlanExperiment> {
  const text = await redis.get(keys.experiment(hash));
  if (text === null) throw new Error(`experiment ${hash.slice(0, 12)}… is not in Redis (its batch has not registered it again yet)`);
  return verifyExperiment(hash, text);
}
