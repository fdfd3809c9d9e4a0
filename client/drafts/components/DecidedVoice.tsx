import { locale } from "../../i18n";
import { onLinkClick } from "../../router";

const WORDS = {
  id: {
    survey: "Serahkan HP ke warga: isi survei kepuasan",
    surveyHelp: "Warga mengisi sendiri, tanpa nama. Data Anda dan nama pemohon tidak ditampilkan.",
    complaint: "Pengaduan",
  },
  en: {
    survey: "Hand the phone to the citizen: satisfaction survey",
    surveyHelp: "The citizen fills it in alone, anonymously. Your data and the applicant's name are not shown.",
    complaint: "Complaint",
  },
} as const;

/** On a file the office decided: the citizen's satisfaction survey on this phone, and a complaint about it. */
export function DecidedVoice({ number, status }: { number: string; status: string }) {
  const words = WORDS[locale.value];
  const decided = status === "approved" || status === "rejected";
  const tail = encodeURIComponent(number);
  return (
    <div class="decided-voice" data-testid="decided-voice">
      {decided && (
        <>
          <a
            class="button primary wide"
            style={{ textAlign: "center", marginTop: "0.75rem" }}
            href={`/survei/${tail}`}
            onClick={onLinkClick}
            data-testid="hand-over-survey"
          >
            {words.survey}
          </a>
          <p class="field-hint">{words.surveyHelp}</p>
        </>
      )}
      <p>
        <a class="standalone-link" href={`/pengaduan/${tail}`} onClick={onLinkClick} data-testid="file-complaint">
          {words.complaint}
        </a>
      </p>
    </div>
  );
}
