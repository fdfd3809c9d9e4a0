/**
 * The reference page's client code: a plain Preact list of guide cards, data
 * bundled in, no store, no database, no lazy chunks. It is what "a phone
 * showing 35 guides" costs with nothing else in the way.
 */
import { h, render } from "preact";

export interface ReferenceGuide {
  id: string;
  title: string;
  summary: string;
  fee: number;
  days: number;
}

const rupiah = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

function Card({ guide }: { guide: ReferenceGuide }) {
  return h(
    "a",
    { class: "card", href: `/panduan/${guide.id}` },
    h("strong", null, guide.title),
    h("span", { class: "summary" }, guide.summary),
    h(
      "span",
      { class: "facts" },
      h("span", { class: "tag" }, guide.fee === 0 ? "Gratis" : rupiah.format(guide.fee)),
      h("span", { class: "tag" }, guide.days === 0 ? "Selesai hari itu" : `${guide.days} hari kerja`),
    ),
  );
}

export function renderList(guides: ReferenceGuide[], root: HTMLElement): void {
  render(
    h(
      "main",
      null,
      h("h1", null, "Cari layanan"),
      h(
        "ul",
        null,
        guides.map((guide) => h("li", { key: guide.id }, h(Card, { guide }))),
      ),
    ),
    root,
  );
}
