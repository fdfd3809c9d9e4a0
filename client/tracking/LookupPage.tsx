import { useEffect } from "preact/hooks";
import { locale } from "../i18n";
import { LookupForm } from "./LookupForm";
import { tt } from "./messages";
import { SavedList } from "./SavedList";
import { VoiceLinks } from "./VoiceLinks";

interface Props {
  /** A number a link carried, or one the office did not find: in the form, with what is wrong. */
  initial?: string;
  problem?: string | null;
  onRetry?: () => void;
}

/** /lacak: the form and the numbers checked before on this phone. */
export function LookupPage({ initial = "", problem = null, onRetry }: Props) {
  const lang = locale.value;
  useEffect(() => {
    document.title = `${tt("title")} — Masdarin`;
  }, [lang]);
  return (
    <div class="lacak">
      <h1>{tt("title")}</h1>
      <p class="lead">{tt("intro")}</p>
      <LookupForm initial={initial} problem={problem} {...(onRetry ? { onRetry } : {})} />
      <SavedList />
      <VoiceLinks number={null} decided={false} />
    </div>
  );
}
