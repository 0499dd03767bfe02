// A screenshot lightbox: the full image (blurred copy when the company blurs), time, app and title, activity %,
// previous/next with the arrow keys, Escape to close.
import { useEffect } from "react";
import { localDateTime } from "./format";
import type { Screenshot } from "./models";
import "./manager.css";

type Shot = Screenshot & { app?: string | null; title?: string | null };

export function Lightbox({ shots, index, tz, name, onIndex, onClose }: {
  shots: Shot[]; index: number; tz: string; name?: string; onIndex: (i: number) => void; onClose: () => void;
}) {
  const s = shots[index];
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
      if (e.key === "ArrowLeft" && index > 0) onIndex(index - 1);
      if (e.key === "ArrowRight" && index < shots.length - 1) onIndex(index + 1);
    };
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, [index, shots.length, onClose, onIndex]);
  if (!s) return null;
  const src = s.url ?? s.thumbnail_url;
  return (
    <div className="lightbox" role="dialog" aria-modal="true" aria-label="Screenshot" data-testid="lightbox" onClick={onClose}>
      <div className="lightbox-body" onClick={(e) => e.stopPropagation()}>
        <div className="lightbox-head">
          <strong>{name ? `${name} · ` : ""}{localDateTime(s.taken_at, tz)}</strong>
          <span className="muted">screen {s.monitor + 1} · {s.width}×{s.height}</span>
          <span className="spacer" />
          <button className="secondary" onClick={onClose} aria-label="Close">✕</button>
        </div>
        {src ? <img src={src} alt={`Screenshot at ${localDateTime(s.taken_at, tz)}`} /> : <p className="empty">Still processing…</p>}
        <div className="lightbox-meta">
          <span data-testid="lightbox-app">{s.app ? <><strong>{s.app}</strong>{s.title ? ` — ${s.title}` : ""}</> : <span className="muted">No app recorded at this moment</span>}</span>
          <span>Activity <strong>{s.activity_percent ?? 0}%</strong></span>
          <span className={`badge ${s.blurred ? "warn" : ""}`} data-testid="lightbox-blur">{!s.blurred ? "not blurred" : s.blurred_url ? "original (others see it blurred)" : "blurred"}</span>
        </div>
        <div className="row lightbox-nav">
          <button className="secondary" disabled={index === 0} onClick={() => onIndex(index - 1)}>← Previous</button>
          <span className="muted">{index + 1} / {shots.length}</span>
          <button className="secondary" disabled={index >= shots.length - 1} onClick={() => onIndex(index + 1)}>Next →</button>
        </div>
      </div>
    </div>
  );
}
