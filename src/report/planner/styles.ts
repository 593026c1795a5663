/**
 * The style sheet of the planner's components (verdict, probability bars, cost), shared by the
 * page and the report so that both draw them alike; screen and print.
 */
import { PLANNER_COLORS as C } from "./charts.js";

/** CSS of the planner components (class prefixes .verdict, .pb-, .pc-, .about). */
export const PLANNER_CSS = `
.verdicts { display: grid; gap: 8px; margin: 8px 0 16px; }
.verdict { border-left: 5px solid #bbb; background: #f7f7f7; padding: 8px 12px; border-radius: 3px; }
.verdict h4 { margin: 0 0 2px; font-size: 14px; }
.verdict p { margin: 0; }
.verdict.gain { border-color: ${C.gain}; background: #eef7f0; }
.verdict.loss { border-color: ${C.loss}; background: #fbeeee; }
.verdict.mixed { border-color: #c98a00; background: #fdf6e6; }
.verdict.out-of-reach { border-color: #777; background: #f1f1f1; }
.pb-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; color: #444; margin: 4px 0 8px; }
.pb-legend span { display: inline-flex; align-items: center; gap: 6px; }
.pb-key { display: inline-block; width: 18px; height: 10px; border-radius: 2px; }
.pb-key.base { background: ${C.base}; }
.pb-key.alt { background: ${C.alt}; }
.pb-key.range { height: 2px; background: #111; }
.pb-family h4 { margin: 12px 0 4px; font-size: 14px; }
.pb-row { display: grid; grid-template-columns: minmax(10em, 1.3fr) minmax(8em, 1fr) 12.5em; gap: 2px 12px; align-items: center; padding: 4px 0; border-bottom: 1px solid #eee; font-size: 14px; }
.pb-name { line-height: 1.3; }
.pb-bars { display: grid; gap: 3px; }
.pb-track { position: relative; display: block; height: 10px; background: repeating-linear-gradient(to right, #f0f0f0 0, #f0f0f0 calc(25% - 1px), #dcdcdc calc(25% - 1px), #dcdcdc 25%); border-radius: 2px; }
.pb-bar { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 2px; }
.pb-bar.base { background: ${C.base}; }
.pb-bar.alt { background: ${C.alt}; }
.pb-range { position: absolute; top: 4px; height: 2px; background: #111; min-width: 1px; }
.pb-range::before, .pb-range::after { content: ""; position: absolute; top: -3px; width: 1px; height: 8px; background: #111; }
.pb-range::before { left: 0; }
.pb-range::after { right: 0; }
.pb-nums { font-variant-numeric: tabular-nums; white-space: nowrap; }
.pb-change.gain { color: ${C.gain}; }
.pb-change.loss { color: ${C.loss}; }
.pb-change.none { color: #666; font-weight: normal; }
.pb-noise { color: #777; font-size: 11px; display: block; font-weight: normal; }
.pb-row.out { grid-template-columns: minmax(10em, 1.3fr) 2fr; color: #555; }
.pb-out { font-style: italic; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 12px; color: #444; margin: 2px 0 6px; }
.chart-legend span { display: inline-flex; align-items: center; gap: 5px; }
.cl-key { display: inline-block; width: 16px; height: 10px; border-radius: 2px; }
.cl-key.line, .cl-key.dash { height: 0; border-top: 2px solid; border-radius: 0; }
.cl-key.dash { border-top-style: dashed; }
.pc h4 { margin: 12px 0 4px; font-size: 14px; }
.pc table { border-collapse: collapse; font-size: 14px; }
.pc th { text-align: left; font-weight: normal; padding: 3px 12px 3px 0; vertical-align: top; background: none; border-bottom: 1px solid #eee; }
.pc td { border-bottom: 1px solid #eee; }
.pc td.num { text-align: right; font-variant-numeric: tabular-nums; padding: 3px 0 3px 12px; }
.pc thead th { font-size: 12px; color: #555; border-bottom: 1px solid #ccc; }
.pc th.num { text-align: right; padding: 3px 0 3px 12px; }
.pc-cost tr.pc-total th, .pc-cost tr.pc-total td { font-weight: 600; }
.pc td.num { white-space: nowrap; }
.pc-range { color: #666; font-size: 12px; display: block; font-weight: normal; white-space: normal; }
.pc-range .nw { white-space: nowrap; }
.pc-note { color: #444; font-size: 13px; margin: 2px 0 6px; }
@media (max-width: 600px) {
  .pb-row { grid-template-columns: 1fr auto; }
  .pb-row .pb-bars { grid-column: 1 / -1; grid-row: 2; }
  .pb-row.out { grid-template-columns: 1fr; }
  .pc table { font-size: 13px; }
  .pc td.num, .pc th.num { padding-left: 6px; }
}
@media print {
  .verdict, .pb-row { break-inside: avoid; }
  .pb-bar, .pb-key, .pb-range { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .verdicts { gap: 3px; margin: 2px 0 6px; }
  .verdict { padding: 3px 8px; font-size: 10px; }
  .verdict h4 { font-size: 10.5px; margin: 0; }
  .pb-legend { font-size: 9.5px; margin: 0 0 2px; }
  .pb-family h4, .pc h4 { margin: 4px 0 1px; font-size: 10.5px; }
  .pb-row { padding: 1px 0; font-size: 9.5px; gap: 0 8px; grid-template-columns: minmax(10em, 2fr) minmax(8em, 1fr) 14em; }
  .pb-row.out { grid-template-columns: minmax(10em, 2fr) 2fr; }
  .pb-bars { gap: 1px; }
  .pb-track { height: 5px; }
  .pb-range { top: 2px; height: 1px; }
  .pb-range::before, .pb-range::after { top: -2px; height: 5px; }
  .pb-noise { display: inline; font-size: 8.5px; margin-left: 4px; }
  .pc table, .pc thead th { font-size: 9.5px; }
  .pc th, .pc td.num, .pc th.num { padding-top: 0; padding-bottom: 0; }
  .pc-range { display: inline; font-size: 8.5px; margin-left: 4px; }
  .pc-note { font-size: 9.5px; margin: 0 0 2px; }
}
`;
