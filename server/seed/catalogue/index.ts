import type { GuideInput } from "../../../shared/guide";
import { bangunan } from "./bangunan";
import { kegiatan } from "./kegiatan";
import { keluarga } from "./keluarga";
import { kependudukan } from "./kependudukan";
import { kesehatanPendidikan } from "./kesehatan-pendidikan";
import { pertanahan } from "./pertanahan";
import { sosial } from "./sosial";
import { usaha } from "./usaha";

/**
 * The researched starting catalogue. Every guide is marked
 * `needsOfficeConfirmation` until an operator checks it against the office's
 * published service standard.
 */
export const seedCatalogue: GuideInput[] = [
  ...kependudukan,
  ...keluarga,
  ...sosial,
  ...usaha,
  ...bangunan,
  ...pertanahan,
  ...kegiatan,
  ...kesehatanPendidikan,
];
