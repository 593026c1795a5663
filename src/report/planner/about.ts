/**
 * "About these numbers": the only place where the planner's views use statistical terms. What a
 * run is, what the probabilities and their ranges are (Wilson), why the comparison is paired
 * (common random numbers, Newcombe's interval), what "clear" means, what the fiscal cost covers,
 * and the plan's own terms (三医两养一高地, 千亿, 五百亿). Browser-safe HTML.
 */
import { esc, num, type Lang } from "./lang.js";

/** Facts the section states: runs, base seed, horizon. */
export interface AboutFacts {
  runs: number;
  seed: number;
  startYear: number;
  endYear: number;
  baseName: string;
}

/** The plan's terms, explained once. */
export function planTerms(lang: Lang): string {
  return lang === "zh-CN"
    ? `<p><b>三医两养一高地</b>：温江区2017年12月健康产业生态圈规划的口号——“三医”指医学、医药、医疗，“两养”指养生、养老，“一高地”指建成健康产业高地。金额单位为<b>亿元</b>（1 亿元 = 1 亿人民币）；<b>千亿</b>即 1,000 亿元，<b>五百亿</b>即 500 亿元。规划的2022年目标是形成一个千亿、两个五百亿产业集群（按园区企业年营业收入计）。</p>`
    : `<p><b>三医两养一高地</b> is the slogan of Wenjiang District's December 2017 health-industry plan: three “医” (medicine, pharmaceuticals, medical care), two “养” (wellness, elderly care) and one “high ground” (a leading centre of the health industry). Money is in <b>亿元</b> (1 亿元 = 100 million yuan): <b>千亿</b> is 1,000 亿元 (100 billion yuan) and <b>五百亿</b> is 500 亿元 (50 billion yuan). The plan's 2022 goal is one cluster of 1,000 亿元 and two of 500 亿元 in annual operating revenue of a park's firms.</p>`;
}

/** The section's paragraphs. */
export function aboutNumbers(f: AboutFacts, lang: Lang): string {
  const years = `${f.startYear}–${f.endYear}`;
  if (lang === "zh-CN")
    return `<ul>
<li><b>一次模拟</b>是区内企业、机构、招商线索、政府与竞争园区在 ${years} 年逐季度的一次演化；未知参数每次按其先验/后验分布抽取。<b>概率</b>是达成目标的模拟所占比例（${num(f.runs, 0)} 次，基础随机种子 ${f.seed}）。</li>
<li>概率旁的<b>可能范围</b>是95%的 Wilson 置信区间：只反映模拟次数有限带来的蒙特卡罗误差，不是对未来的全部不确定性（参数不确定性已体现在每次抽样中）。</li>
<li><b>配对比较</b>：基准与您的情景使用同一组随机种子（公共随机数），第 i 次模拟两边抽到相同的随机数，差异只来自杠杆。概率变化的区间为 Newcombe 配对比例差区间，逐年产值差为配对 t 区间，均为95%。</li>
<li><b>“明显”</b>指区间不包含零；其余变化视为在随机波动之内。</li>
<li><b>财政成本</b>：<b>杠杆支出</b>是 ${years} 年内各杠杆的支出之和（招商队伍、已兑付的激励分期、土地配套、人才计划、住房、引导基金净损失、基础设施、服务与审批）；加上期内承诺、${f.endYear}年后仍需兑付的激励，得到<b>含承诺的成本</b>（比较所定价的成本）；再减去期内区内产值带来的<b>地方税收</b>，得到<b>净财政成本</b>。单位亿元，均为各次模拟的平均值。<b>每个百分点的成本</b> = 新增的含承诺成本 ÷ 概率提升，区间按 delta 方法计算。</li>
<li><b>扇形图</b>的色带为各年产值的第5–95百分位（90%的模拟）与第25–75百分位，线为中位数（分位数来自对数分桶草图，相对误差0.5%）。</li>
<li>所有计算都在您的浏览器中完成（Web Worker），与命令行 <code>clustersim compare</code> 的结果逐字节相同。</li>
</ul>`;
  return `<ul>
<li>A <b>run</b> is one quarter-by-quarter history of the district's firms, institutions, leads, government and competitor parks over ${years}; uncertain parameters are drawn afresh for each run from their prior or posterior distributions. A <b>probability</b> is the share of runs (${num(f.runs, 0)}, base seed ${f.seed}) in which a target is met.</li>
<li>The <b>likely range</b> drawn across each bar is the 95% Wilson confidence interval of that share: Monte Carlo error from running finitely many runs only, not all uncertainty about the future (parameter uncertainty is already inside the runs).</li>
<li>The comparison is <b>paired</b>: the base (${esc(f.baseName)}) and your scenario run on the same seeds (common random numbers), so run i of both draws the same random numbers and the differences come from the levers. Changes in probability carry Newcombe's 95% interval for paired proportions; yearly output differences paired 95% t-intervals.</li>
<li>A change is <b>clear</b> when its interval excludes zero; otherwise it is “within the simulation's noise”.</li>
<li>The <b>fiscal cost</b>: the <b>levers</b> line is what the levers cost over ${years} (promotion teams, incentive instalments paid, serviced land, talent programmes, housing, the guidance fund's net loss, infrastructure, services and approvals); adding the incentive instalments committed in that time and still owed after ${f.endYear} gives the <b>cost with commitments</b>, the cost the comparison prices; less the <b>local tax</b> on the district's output over ${years}, it gives the <b>net fiscal cost</b>. All in 亿元, means over runs. The <b>cost per point</b> is the added cost with commitments divided by the gain in probability, with a delta-method interval.</li>
<li>The <b>fans</b> show each year's 5th–95th percentiles of output over runs (90% of runs) and the 25th–75th, with the median as a line (percentiles from a log-bucket sketch, 0.5% relative accuracy).</li>
<li>Everything is computed in your browser (Web Workers) and matches <code>clustersim compare</code> byte for byte.</li>
</ul>`;
}
