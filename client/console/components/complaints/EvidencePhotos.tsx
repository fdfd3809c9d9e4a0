import { useState } from "preact/hooks";
import type { ComplaintDetail } from "../../../../shared/api/complaints";
import { tv } from "../../voice-messages";

/**
 * The evidence photos, served by the complaint's own route (only what the
 * complaint references, to those who may read it). A photo the server cannot
 * give is said in words instead of a broken image.
 */
export function EvidencePhotos({ detail }: { detail: ComplaintDetail }) {
  const [missing, setMissing] = useState<Set<string>>(new Set());
  if (detail.evidence.length === 0) return null;
  return (
    <div class="evidence">
      <h3>{tv("complaintEvidence")}</h3>
      <ul class="evidence-list" data-testid="complaint-evidence">
        {detail.evidence.map((photo, index) => {
          const src = `/api/console/complaints/${detail.id}/evidence/${photo.sha256}`;
          const alt = tv("complaintEvidenceAlt", { n: index + 1 });
          return (
            <li key={photo.sha256}>
              {missing.has(photo.sha256) ? (
                <span class="muted small">{tv("complaintEvidenceMissing", { n: index + 1 })}</span>
              ) : (
                <a href={src} target="_blank" rel="noopener">
                  <img
                    src={src}
                    alt={alt}
                    loading="lazy"
                    onError={() => setMissing((previous) => new Set(previous).add(photo.sha256))}
                  />
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
