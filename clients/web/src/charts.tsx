// Bar charts drawn with divs and CSS variables (no chart library): horizontal bars, stacked bars, budget meters.
import { barWidth, budgetTone, scaleBars, stackShares } from "./metrics";

export interface BarRow { key: string; label: string; value: number; display: string; note?: string }

/** Horizontal bars, the biggest value filling the track; every row labelled for screen readers too. */
export function BarList({ rows, label }: { rows: BarRow[]; label: string }) {
  const widths = scaleBars(rows.map((r) => r.value));
  return (
    <ul className="bars" aria-label={label}>
      {rows.map((r, i) => (
        <li key={r.key} className="bar-row">
          <span className="bar-label" title={r.label}>{r.label}</span>
          <span className="bar" aria-hidden="true"><span style={{ width: `${widths[i]}%` }} /></span>
          <span className="bar-value">{r.display}{r.note && <span className="muted note"><span className="sep"> · </span>{r.note}</span>}</span>
        </li>
      ))}
    </ul>
  );
}

export interface StackPart { label: string; value: number; tone: "ok" | "neutral" | "danger" | "idle" }

/** One stacked bar (e.g. productive / neutral / unproductive / idle), with a text alternative. */
export function StackedBar({ parts, title }: { parts: StackPart[]; title: string }) {
  const shares = stackShares(parts.map((p) => p.value));
  const text = parts.map((p, i) => `${p.label} ${shares[i]}%`).join(", ");
  return (
    <span className="stack" role="img" aria-label={`${title}: ${text}`} title={text}>
      {parts.map((p, i) => shares[i] > 0 && <span key={p.label} className={`seg ${p.tone}`} style={{ width: `${shares[i]}%` }} />)}
    </span>
  );
}

export function Legend({ items }: { items: { label: string; tone: StackPart["tone"] }[] }) {
  return (
    <div className="legend">
      {items.map((i) => <span key={i.label}><span className={`swatch seg ${i.tone}`} aria-hidden="true" />{i.label}</span>)}
    </div>
  );
}

/** A budget meter: the bar fills up to 100 %, turning amber then red; the number says the truth beyond 100. */
export function Meter({ pct, label, detail }: { pct: number | null; label: string; detail: string }) {
  if (pct === null) return <span className="muted">{detail}</span>;
  const tone = budgetTone(pct);
  return (
    <span className="meter">
      <span className={`bar ${tone}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={Math.round(barWidth(pct))}>
        <span style={{ width: `${barWidth(pct)}%` }} />
      </span>
      <span className={tone ? `tone-${tone}` : "muted"}>{pct}% · {detail}</span>
    </span>
  );
}
