import { useMemo, useState } from "preact/hooks";
import { jakartaDistricts, jakartaRegencies } from "../../../shared/regions";
import { tc } from "../messages";
import { FieldError } from "./FieldError";
import { errorProps } from "./field-errors";

interface Kecamatan {
  code: string;
  name: string;
  regency: string;
  /** "Duren Sawit (31.75.07)": what the field shows once chosen. */
  label: string;
}

let all: Kecamatan[] | null = null;

/** Every kecamatan of DKI Jakarta from the official list, by name. */
function jakartaKecamatan(): Kecamatan[] {
  all ??= jakartaRegencies()
    .flatMap((regency) =>
      jakartaDistricts(regency.code).map((district) => ({
        ...district,
        // "Jakarta Timur": the list is all DKI Jakarta, "Kota Administrasi" adds nothing.
        regency: regency.name.replace(/^(Kota|Kabupaten) Administrasi /, ""),
        label: `${district.name} (${district.code})`,
      })),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "id"));
  return all;
}

const fold = (text: string) => text.toLocaleLowerCase("id").replace(/[\s.]+/g, "");

/** Matches by any part of the name, or by the code with or without dots. */
function matching(query: string): Kecamatan[] {
  const q = fold(query);
  if (q === "") return jakartaKecamatan();
  return jakartaKecamatan().filter(
    (k) => fold(k.name).includes(q) || fold(k.code).startsWith(q) || fold(k.label) === q,
  );
}

/**
 * A searchable choice of one Jakarta kecamatan (an ARIA combobox with a
 * listbox): typing narrows the list, arrows and Enter or a click choose. Only
 * a chosen entry counts; free text leaves the value empty.
 */
export function KecamatanPicker({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (code: string) => void;
}) {
  const chosen = jakartaKecamatan().find((k) => k.code === value);
  const [text, setText] = useState(chosen?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => matching(chosen && text === chosen.label ? "" : text), [text, chosen]);
  const listId = `${id}-options`;
  const optionId = (code: string) => `${id}-option-${code.replaceAll(".", "-")}`;
  const activeOption = open ? options[Math.min(active, options.length - 1)] : undefined;

  function choose(kecamatan: Kecamatan) {
    setText(kecamatan.label);
    setOpen(false);
    onChange(kecamatan.code);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(open ? (active + step + options.length) % Math.max(options.length, 1) : 0);
      setOpen(true);
    } else if (event.key === "Enter" && activeOption) {
      // Choosing, not submitting the form.
      event.preventDefault();
      choose(activeOption);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const describedBy = [error ? `${id}-error` : "", `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div class={error ? "field has-error kecamatan-picker" : "field kecamatan-picker"}>
      <label for={id}>{tc("kecamatanField")}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(activeOption.code) : undefined}
        value={text}
        {...errorProps(id, error)}
        aria-describedby={describedBy}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          setActive(0);
          setOpen(true);
          const exact = jakartaKecamatan().find((k) => fold(k.label) === fold(typed) || fold(k.name) === fold(typed));
          onChange(exact?.code ?? "");
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <p class="field-hint" id={`${id}-hint`}>
        {tc("kecamatanHint")}
      </p>
      <div id={listId} role="listbox" aria-label={tc("kecamatanOptions")} class="picker-options" hidden={!open}>
        {options.map((kecamatan) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox, which points at the active option (aria-activedescendant)
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (arrows, Enter, Escape)
          <div
            key={kecamatan.code}
            id={optionId(kecamatan.code)}
            role="option"
            aria-selected={kecamatan.code === value}
            class={kecamatan === activeOption ? "picker-option active" : "picker-option"}
            // Keeps focus in the input, so its blur does not close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(kecamatan)}
          >
            {kecamatan.label} <span class="small muted">· {kecamatan.regency}</span>
          </div>
        ))}
      </div>
      {open && options.length === 0 && <p class="field-hint">{tc("kecamatanNoMatch")}</p>}
      <FieldError id={id} message={error} />
    </div>
  );
}
