/**
 * An experiment's outcomes resolved against its model: each names where a run's value comes
 * from (a target's met indicator or its value, a metric of a label in a year, a headline figure, a test
 * function's value), an optional threshold that makes it a met/not-met outcome, and the
 * statistic taken over a point's replications (the mean, or a quantile). Checked against the
 * scenario: the target exists, the metric and its label exist, the year is simulated.
 */
import { drawScenario } from "../../model/draw.js";
import { METRICS, METRIC_INDEX, isMetricKey, labelsFor } from "../../model/metrics.js";
import { buildParams } from "../../model/params.js";
import { describeTarget } from "../../model/target-description.js";
import { closestKey } from "../../scenario/did-you-mean.js";
import type { Problem } from "../../scenario/errors.js";
import type { Scenario } from "../../scenario/schema.js";
import { PROBABILITY_UNIT } from "../files/columns.js";
import { HEADLINES, HEADLINE_INFO, isHeadline } from "../headlines.js";
import type { ProblemAt } from "./parse.js";
import { ColumnName, type OutcomeEntry } from "./schema.js";
import type { RunValue, RunValueSource } from "./spec.js";

/** A resolved outcome: its name, what each run records, the statistic per point, its unit and meaning. */
export interface ResolvedOutcome {
  name: string;
  value: RunValue;
  statistic: "mean" | { quantile: number };
  /** met / not met per run (a target, or a threshold): its mean is a probability */
  binary: boolean;
  /** the unit of the per-point statistic */
  unit: string;
  description: string;
}

/** "a probability"/"mean"/"quantile" phrase of a statistic. */
const statisticText = (s: ResolvedOutcome["statistic"]) => (s === "mean" ? "mean" : `${s.quantile * 100}th percentile`);

/** What a scenario offers outcomes: its targets, each metric's labels, its years. */
interface ScenarioOffer {
  targets: Scenario["targets"];
  labels: (metric: string) => string[];
  years: [number, number];
}

/** What the scenario's outcomes may name. */
function offerOf(scenario: Scenario): ScenarioOffer {
  const { drawn, historySeed } = drawScenario(scenario, 0);
  const p = buildParams(drawn, historySeed);
  return {
    targets: scenario.targets,
    labels: (metric) => (isMetricKey(metric) ? labelsFor(p, METRICS[METRIC_INDEX[metric]].by) : []),
    years: [scenario.horizon.startYear, scenario.horizon.endYear],
  };
}

/** The source of an outcome entry, checked against the scenario (null: the model is a test function); pushes problems. */
function sourceOf(o: OutcomeEntry, offer: ScenarioOffer | null, where: (key: string) => (string | number)[], at: ProblemAt, problems: Problem[]): RunValueSource | null {
  const bad = (key: string, message: string) => void problems.push(at(where(key), message));
  if (offer === null) {
    if (o.output === undefined) return bad(o.target !== undefined ? "target" : o.targetValue !== undefined ? "targetValue" : o.metric !== undefined ? "metric" : "headline", 'a test function has one output: "output": "y"'), null;
    return { kind: "output" };
  }
  if (o.output !== undefined) return bad("output", '"output" is a test function\'s value; a scenario has targets, metrics and headlines'), null;
  const id = o.target ?? o.targetValue;
  if (id !== undefined) {
    const key = o.target !== undefined ? "target" : "targetValue";
    const ids = Object.keys(offer.targets).sort();
    if (!Object.hasOwn(offer.targets, id)) {
      const guess = closestKey(id, ids);
      return bad(key, `the scenario has no target "${id}"${guess ? `; did you mean "${guess}"?` : `; its targets: ${ids.join(", ")}`}`), null;
    }
    return o.target !== undefined ? { kind: "target", id } : { kind: "target-value", id };
  }
  if (o.headline !== undefined) {
    if (!isHeadline(o.headline)) return bad("headline", `no headline "${o.headline}"; the headlines: ${HEADLINES.join(", ")}`), null;
    return { kind: "headline", name: o.headline };
  }
  const metric = o.metric!;
  if (!isMetricKey(metric)) {
    const keys = Object.keys(METRIC_INDEX);
    const guess = closestKey(metric, keys);
    return bad("metric", `no metric "${metric}"${guess ? `; did you mean "${guess}"?` : `; metrics are written name/breakdown, e.g. output/park`}`), null;
  }
  const labels = offer.labels(metric);
  let label = o.label;
  if (label === undefined) {
    if (labels.length !== 1) return bad("metric", `metric ${metric} needs "label": one of ${labels.join(", ")}`), null;
    label = labels[0];
  } else if (!labels.includes(label)) {
    const guess = closestKey(label, labels);
    return bad("label", `metric ${metric} has no label "${label}"${guess ? `; did you mean "${guess}"?` : `; its labels: ${labels.join(", ")}`}`), null;
  }
  const [first, last] = offer.years;
  if (o.year! < first || o.year! > last) return bad("year", `the scenario simulates ${first}-${last}; ${o.year} is outside`), null;
  return { kind: "metric", metric, label, year: o.year! };
}

/** The default name of an outcome: from its source, with the quantile or threshold as a suffix. */
function defaultName(o: OutcomeEntry, s: RunValueSource): string {
  const base = s.kind === "target" ? s.id : s.kind === "target-value" ? `${s.id}.value` : s.kind === "headline" ? s.name : s.kind === "output" ? "y" : `${s.metric.split("/")[0]}.${s.label}.${s.year}`;
  const q = o.statistic !== undefined && o.statistic !== "mean" ? `.p${o.statistic.quantile * 100}` : "";
  const t = o.atLeast !== undefined ? `.ge${o.atLeast}` : o.atMost !== undefined ? `.le${o.atMost}` : "";
  return `${base}${q}${t}`;
}

/** Unit and meaning of an outcome's per-point statistic. */
function describe(o: OutcomeEntry, s: RunValueSource, binary: boolean, offer: ScenarioOffer | null): { unit: string; description: string } {
  const stat = statisticText(o.statistic ?? "mean");
  const target = (id: string) => {
    const t = offer?.targets[id];
    return t ? describeTarget(id, t) : { label: id, value: "the target's value", unit: "none" };
  };
  const what =
    s.kind === "target"
      ? `target ${s.id} met (${target(s.id).label})`
      : s.kind === "target-value"
        ? `target ${s.id}'s value: ${target(s.id).value}`
        : s.kind === "headline"
        ? `${s.name}: ${HEADLINE_INFO[s.name as keyof typeof HEADLINE_INFO].description}`
        : s.kind === "output"
          ? "the test function's value y"
          : `${s.metric} of ${s.label} in ${s.year}`;
  const unit =
    s.kind === "metric"
      ? METRICS[METRIC_INDEX[s.metric as keyof typeof METRIC_INDEX]].unit
      : s.kind === "headline"
        ? HEADLINE_INFO[s.name as keyof typeof HEADLINE_INFO].unit
        : s.kind === "target-value"
          ? target(s.id).unit
          : "none";
  if (!binary) return { unit, description: `${stat} over the point's runs of ${what} (${unit})` };
  const cond = o.atLeast !== undefined ? ` >= ${o.atLeast}` : o.atMost !== undefined ? ` <= ${o.atMost}` : "";
  return { unit: PROBABILITY_UNIT, description: `probability over the point's runs that ${what}${cond}` };
}

/** Resolves the outcomes of an experiment (a test function's "y" when the file has none). */
export function resolveOutcomes(entries: readonly OutcomeEntry[] | undefined, scenario: Scenario | null, at: ProblemAt, problems: Problem[]): ResolvedOutcome[] {
  const offer = scenario ? offerOf(scenario) : null;
  const list = entries ?? [{ output: "y" as const }];
  const out: ResolvedOutcome[] = [];
  list.forEach((o, i) => {
    const where = (key: string) => ["outcomes", i, key];
    const source = sourceOf(o, offer, where, at, problems);
    if (!source) return;
    const binary = source.kind === "target" || o.atLeast !== undefined || o.atMost !== undefined;
    const name = o.name ?? defaultName(o, source);
    if (!ColumnName.safeParse(name).success) return void problems.push(at(["outcomes", i], `its source makes no usable column name ("${name}"): give the outcome a "name"`));
    const value: RunValue = { source, ...(o.atLeast !== undefined ? { atLeast: o.atLeast } : {}), ...(o.atMost !== undefined ? { atMost: o.atMost } : {}) };
    out.push({ name, value, statistic: o.statistic ?? "mean", binary, ...describe(o, source, binary, offer) });
  });
  return out;
}
