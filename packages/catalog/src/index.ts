/**
 * `@jianguan/catalog` — the regulatory-item catalog (监管事项目录): versioned catalogs loaded from Chinese-header
 * CSV exports, claims and gap reports, version diffs with a changelog, legal-basis parsing and local ↔
 * provincial matching (法定依据同源), confirmed mappings, inspection checklists with line-level results, and
 * discretion benchmarks with the three enforcement systems (三项制度) as checks — all as versioned data.
 *
 * @packageDocumentation
 */

export type {
  Catalog,
  CatalogEntry,
  CatalogLevel,
  CatalogLoad,
  CatalogMeta,
  ReadCatalogCsvOptions,
  RejectedCatalogRow,
} from './catalog/catalog.js';
export {
  catalogEntrySchema,
  catalogFromRows,
  catalogItemKey,
  catalogItemName,
  catalogMetaSchema,
  checkCatalog,
  defineCatalog,
  readCatalogCsv,
} from './catalog/catalog.js';
export type { CatalogDiff, CatalogFieldChange } from './catalog/diff.js';
export { catalogChangelog, diffCatalogs } from './catalog/diff.js';
export type { ItemCodeParts } from './catalog/item-code.js';
export { ITEM_CODE_LAYOUT, isItemCode, parseItemCode } from './catalog/item-code.js';
export type {
  Checklist,
  ChecklistEvaluation,
  ChecklistLineResult,
  ChecklistResultIssue,
} from './checklists/checklist.js';
export {
  CONCLUSION_PRECEDENCE,
  checklistSchema,
  defineChecklist,
  evaluateChecklistResults,
} from './checklists/checklist.js';
export type { ClaimGap, ClaimGapInput, ClaimGapReport, ClaimSet, GapKind } from './claims/claims.js';
export { claimGapReport, claimSetSchema, defineClaimSet } from './claims/claims.js';
export type { Quarter } from './claims/quarter.js';
export { parseQuarter, quarterOf } from './claims/quarter.js';
export type { BenchmarkEntry, BenchmarkSet } from './discretion/benchmarks.js';
export {
  benchmarkSetSchema,
  defineBenchmarkSet,
  EXAMPLE_BENCHMARK_SET,
  findBenchmarkEntry,
} from './discretion/benchmarks.js';
export type {
  CheckEnforcementOptions,
  EnforcementCheckResult,
  EnforcementIssue,
  EnforcementRuleCode,
  EnforcementRuleSet,
} from './discretion/enforcement.js';
export {
  checkEnforcement,
  DEFAULT_ENFORCEMENT_RULES,
  defineEnforcementRules,
  enforcementRuleSetSchema,
} from './discretion/enforcement.js';
export type { CatalogErrorCode } from './errors.js';
export { CatalogError } from './errors.js';
export type { LegalBasisParse, LegalCitation, ParseLegalBasisOptions } from './legal-basis/citation.js';
export {
  citationKeys,
  formatCitation,
  normaliseLegalBasis,
  parseLegalBasis,
} from './legal-basis/citation.js';
export type { ProposalEvaluation } from './legal-basis/evaluate.js';
export { evaluateProposals } from './legal-basis/evaluate.js';
export type { NormaliseLawNameOptions } from './legal-basis/law-names.js';
export { LAW_ABBREVIATIONS, normaliseLawName, revisionOf } from './legal-basis/law-names.js';
export type { ConfirmedMapping, MappingSet } from './legal-basis/mappings.js';
export { confirmMapping, defineMappingSet, mappingSetSchema } from './legal-basis/mappings.js';
export type {
  MatchableItem,
  MatchCandidate,
  MatchEvidence,
  MatchProposal,
  ProposeMappingsOptions,
} from './legal-basis/match.js';
export { DEFAULT_MATCH_WEIGHTS, nameSimilarity, proposeMappings } from './legal-basis/match.js';
export { formatChineseNumber, parseChineseNumber } from './legal-basis/numerals.js';
export type { DataStatus } from './rule-data.js';
