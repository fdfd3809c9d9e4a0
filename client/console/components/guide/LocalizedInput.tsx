import { fieldId, type Path } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { describedBy, Row } from "./Row";

/** Both languages of one text; an optional one disappears when both are empty. */
export function LocalizedInput({
  ed,
  path,
  label,
  multiline,
  optional,
}: {
  ed: Editor;
  path: Path;
  label: string;
  multiline?: boolean;
  optional?: boolean;
}) {
  const whole = ed.error(path);
  const current = (ed.get(path) as { id?: string; en?: string } | undefined) ?? {};
  const write = (lang: "id" | "en", text: string) => {
    const next = { id: current.id ?? "", en: current.en ?? "", [lang]: text };
    ed.set(path, optional && next.id.trim() === "" && next.en.trim() === "" ? undefined : next);
  };
  return (
    <fieldset class="localized">
      <legend>{label}</legend>
      {(["id", "en"] as const).map((lang) => {
        const id = fieldId([...path, lang]);
        const error = ed.error([...path, lang]);
        const props = {
          id,
          lang,
          value: current[lang] ?? "",
          onInput: (event: Event) => write(lang, (event.currentTarget as HTMLInputElement).value),
          ...describedBy(id, error),
        };
        return (
          <Row key={lang} id={id} label={`${label} (${tc(lang === "id" ? "idText" : "enText")})`} error={error}>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
          </Row>
        );
      })}
      {whole && <p class="field-error">{whole}</p>}
    </fieldset>
  );
}
