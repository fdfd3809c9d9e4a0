/**
 * The id of the `<script type="application/json">` element carrying a first
 * visit's CatalogueSummary (shared/api/catalogue.ts). Its own module, free of
 * zod: the page's entry chunk reads it, and must not pull the schemas in.
 */
export const CATALOGUE_SUMMARY_ELEMENT_ID = "catalogue-summary";
