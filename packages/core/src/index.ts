/**
 * `@jianguan/core` — the 互联网+监管 data standard: record schemas, identifiers, code tables,
 * batch quality checks (质检), entity linking, input files and the working-day calendar.
 *
 * Exports are grouped by source module (calendar, code tables, data, encoding, errors, identifiers, io, linking,
 * quality, schemas, sources, versioning); the calendar is also published on its own as
 * `@jianguan/core/calendar`, and the Node.js-only file readers (CSV, JSON, JSON Lines) as `@jianguan/core/io`.
 *
 * @packageDocumentation
 */

export type {
  Expected,
  ExpectedMessageOptions,
  FieldPath,
  JianguanErrorOptions,
  LocalizedMessage,
} from './errors/index.js';
export {
  describeValue,
  EXPECTED,
  expectedFailure,
  expectedMessage,
  InvalidArgumentError,
  InvalidOptionsError,
  isJianguanError,
  isRecord,
  JianguanError,
} from './errors/index.js';
export { describeZodError, localizeZodIssue, zodIssuePath } from './errors/zod-issue.js';

import * as orgCode from './identifiers/org-code.js';
import * as regionCode from './identifiers/region-code.js';
import * as residentId from './identifiers/resident-id.js';
import * as uscc from './identifiers/uscc.js';

export { forEachConcurrently } from './async/concurrently.js';
export type {
  CalendarOverlay,
  CalendarWarning,
  CivilDate,
  CreateCalendarOptions,
  DateInput,
  DayInfo,
  DayKind,
  EstimatedDay,
  EstimateSource,
  HolidayArrangement,
  HolidayCnYear,
  HolidayRef,
  LunarFestivalDates,
  SameKind,
  ScheduleInput,
  ScheduleNotice,
  StatutoryEstimate,
  StatutoryHolidayRules,
  UnknownYearsPolicy,
  WorkdayCalendar,
  WorkdayLateness,
  YearSchedule,
} from './calendar/index.js';
export {
  addWorkdays,
  addWorkdaysToDayNumber,
  CalendarDataError,
  calendarOverlaySchema,
  chinaToday,
  civilDateOfDayNumber,
  createCalendar,
  dayInfo,
  dayNumberOf,
  daysInMonth,
  estimateStatutoryYear,
  GUANGXI_SANYUESAN,
  getDefaultCalendar,
  HOLIDAY_NAMES,
  holidayArrangementSchema,
  holidayCnYearSchema,
  InvalidCivilDateError,
  InvalidWorkdayCountError,
  isCivilDate,
  isLeapYear,
  isWorkday,
  isWorkdayNumber,
  LUNAR_FESTIVAL_TABLE,
  LUNAR_TABLE_SOURCE,
  loadSchedule,
  lunarFestivalDates,
  NINGXIA_FESTIVALS,
  nextWorkday,
  OFFICIAL_SCHEDULES,
  OFFICIAL_SCHEDULES_VERSION,
  organisationClosures,
  parseSchedule,
  previousWorkday,
  REGIONAL_OVERLAYS,
  STATUTORY_ESTIMATE_FIRST_YEAR,
  STATUTORY_ESTIMATE_LAST_YEAR,
  STATUTORY_HOLIDAY_RULES,
  scheduleFromHolidayCn,
  setDefaultCalendar,
  statutoryRulesFor,
  TIBET_LOSAR,
  toCivilDate,
  toYearSchedule,
  tryDayNumberOf,
  UnknownCalendarYearError,
  workdayLateness,
  workdaysBetween,
  workdaysBetweenDayNumbers,
  XINJIANG_FESTIVALS,
  yearScheduleSchema,
} from './calendar/index.js';
export { NATIONAL_CODE_TABLES } from './code-tables/data/national.js';
export { InvalidCodeTableError, UnknownCodeTableError } from './code-tables/errors.js';
export type {
  CodeListLookup,
  CodeLookupOptions,
  CodeOf,
  CodeTableId,
  CodeTableRegistry,
  NationalCodeTables,
} from './code-tables/registry.js';
export {
  codeTableEnum,
  codeTableSchema,
  codeTables,
  codeTableVariants,
  createCodeTableRegistry,
  defineCodeTable,
  getCodeTable,
  isCode,
  lookupCode,
  registerCodeTable,
} from './code-tables/registry.js';
export type { CodeTable, CodeTableEntry, CodeTableInput } from './code-tables/types.js';
export { deepFreeze, isDeeplyFrozenData, sameData, validatedOnce } from './data/validated-once.js';
export { canonicalJson } from './encoding/canonical-json.js';
export type { IdentifierErrorCode, IdentifierErrorName } from './identifiers/errors.js';
export {
  InvalidChecksumError,
  InvalidComponentError,
  InvalidFormatError,
  InvalidLengthError,
} from './identifiers/errors.js';
export type {
  IdentifierCheckResult,
  IdentifierIssue,
  IdentifierModule,
  IdentifierSeverity,
  IdentifierWarningCode,
} from './identifiers/types.js';
// The file readers (readCsv, readJson, readJsonl, readRecords, detectEncoding …) use node:fs and live in
// `@jianguan/core/io`; their error class and types are browser-safe and stay here too (one class, two entries).
// Writing CSV cells safely (no spreadsheet formulas) needs no file system: it stays in the main entry.
export type { CsvCellOptions } from './io/csv-write.js';
export { csvCell, csvLine, neutraliseFormula, startsFormula } from './io/csv-write.js';
export type { InputFileErrorCode } from './io/errors.js';
export { InputFileError } from './io/errors.js';
export type { InputEncoding, InputSource, ReadOptions, RecordErrorItem, RecordItem } from './io/types.js';
export type {
  EntityChain,
  EntityIdKind,
  EntityLink,
  EntityLinkResult,
  UnlinkedRecord,
} from './linking/link-by-entity.js';
export { linkByEntity } from './linking/link-by-entity.js';
export type {
  QualityBatch,
  QualityChecker,
  QualityCheckOptions,
  RecordQualityResult,
} from './quality/check.js';
export { createQualityChecker, qualityCheck, qualityCheckRecord } from './quality/check.js';
export type { QualityRuleCode, QualityRuleSet, QualityRuleSetOverrides } from './quality/rule-set.js';
export { defaultQualityRuleSet, defineQualityRuleSet, qualityRuleSetSchema } from './quality/rule-set.js';
export type { QualityIssue, QualityResult, QualitySeverity } from './quality/types.js';
export {
  behaviourActDate,
  behaviourActDateFields,
  civilDateOf,
  isDateTime,
  tryBehaviourActDate,
} from './schemas/act-date.js';
export type { ParseDateTextOptions } from './schemas/date-text.js';
export { parseDateText } from './schemas/date-text.js';
export type { BehaviourKind, EntityClass, RecordType } from './schemas/dictionary.js';
export { behaviourActionCodeField, fieldDictionary } from './schemas/dictionary.js';
export type { ExchangeRow, FromExchangeRowOptions, HeaderMapping } from './schemas/exchange.js';
export {
  exchangeHeaders,
  fromExchangeRow,
  resolveExchangeHeaders,
  toExchangeRow,
} from './schemas/exchange.js';
export type {
  CheckType,
  FieldKind,
  FieldSpec,
  FieldSpecs,
  ShapeOf,
  ZodForKind,
} from './schemas/field-spec.js';
export { CHECK_TYPES } from './schemas/field-spec.js';
export type { PublicationChannel, PublicationChannelSlug } from './schemas/publication.js';
export { PUBLICATION_CHANNELS, publicationChannelSlug } from './schemas/publication.js';
export type {
  BehaviourRecord,
  CatalogItem,
  ClueFeedback,
  Complaint,
  CompulsionRecord,
  CreditRecord,
  DrawnObject,
  ExchangeEnvelope,
  InspectionList,
  InspectionRecord,
  JointTask,
  Officer,
  OtherBehaviourRecord,
  PenaltyRecord,
  RegulatedEntity,
  RiskClue,
  SpotCheckPlan,
} from './schemas/records.js';
export {
  behaviourRecordSchema,
  catalogItemSchema,
  clueFeedbackSchema,
  complaintSchema,
  compulsionRecordSchema,
  creditRecordSchema,
  drawnObjectSchema,
  enterpriseSchema,
  exchangeEnvelopeSchema,
  individualBusinessSchema,
  inspectionListSchema,
  inspectionRecordSchema,
  jointTaskSchema,
  naturalPersonSchema,
  officerSchema,
  otherBehaviourRecordSchema,
  otherOrganisationSchema,
  penaltyRecordSchema,
  regulatedEntitySchema,
  riskClueSchema,
  spotCheckPlanSchema,
} from './schemas/records.js';
export type { PublicDocument, SourceStatus } from './sources/citation.js';
export {
  InvalidSourceRefError,
  PUBLIC_DOCUMENTS,
  publicCitation,
  SOURCE_STATUSES,
} from './sources/citation.js';
export type {
  DiffVersionedEntriesOptions,
  SemverBump,
  VersionedEntriesDiff,
  VersionedValueChange,
} from './versioning/diff.js';
export { diffValues, diffVersionedEntries, isWordingChange, suggestSemverBump } from './versioning/diff.js';
export { orgCode, regionCode, residentId, uscc };
