/**
 * Upper bounds of the scenario's sizes, each with its reason. They refuse inputs that would
 * exhaust memory or time (1e12 firms) while leaving room for the benchmarks' 100x scaling of
 * the district (bench/scale.ts) and for any realistic district.
 */
export const MAX = {
  /** firms in one initial group: a district holds thousands; 1e6 allows 100x scaling */
  firmsPerGroup: 1_000_000,
  /** institutions in one initial group */
  institutionsPerGroup: 100_000,
  /** groups in one prospect pool: more than China has firms of a tier in one industry, x100 */
  pool: 10_000_000,
  /** promotion teams (and team-years): a district employs tens of teams; 1e5 allows 100x scaling */
  teams: 100_000,
  /** one project's signed investment, 亿元: the largest single projects are about 1e3 */
  investment: 100_000,
  /** an output or market, 亿元/yr: China's GDP is about 1e6 亿元; 1e8 allows 100x scaling */
  outputYi: 100_000_000,
  /** land, 亩: the district's area is about 4e5 亩; 1e8 allows 100x scaling */
  landMu: 100_000_000,
  /** persons a year (programmes, housing places): the metropolitan labour force is about 1e7 */
  personsPerYear: 10_000_000,
  /** money a year, 亿元 (budgets, funds): the district's GDP is about 4e2 亿元 */
  moneyPerYear: 1_000_000,
  /** wage, 万元 per person-year */
  wage: 1_000,
  /** parks in the national rank field */
  rankField: 10_000,
} as const;
