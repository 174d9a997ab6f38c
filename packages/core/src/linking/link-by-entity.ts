import * as residentId from '../identifiers/resident-id.js';
import * as uscc from '../identifiers/uscc.js';
import { civilDateOf, tryBehaviourActDate } from '../schemas/act-date.js';

/**
 * Which identifier an entity chain is keyed by: a 统一社会信用代码 or a 居民身份证号码.
 *
 * @example
 * const kind: EntityIdKind = 'uscc';
 */
export type EntityIdKind = 'uscc' | 'residentId';

/**
 * One record placed in an entity chain.
 *
 * @example
 * const link: EntityLink = { index: 0, field: 'adminCounterpartCertNo', record: { kind: 'inspection' } };
 */
export interface EntityLink {
  /** Position of the record in the input. */
  readonly index: number;
  /** The field the identifier was read from. */
  readonly field: string;
  /** The record itself (not copied). */
  readonly record: unknown;
  /** The record's date (act date for behaviours, else a listing/received/created date), when it has one. */
  readonly date?: string;
}

/**
 * Every record of one entity (一码关联): the compact identifier, its kind, the names seen, and the records
 * in date order (records without a date last, then by input position).
 *
 * @example
 * const chain: EntityChain = linkByEntity(records).entities[0]!;
 * console.log(chain.id, chain.names[0], chain.records.length);
 */
export interface EntityChain {
  /** The compact, normalised identifier (upper case, no spaces; 15-digit IDs converted to 18). */
  readonly id: string;
  readonly idKind: EntityIdKind;
  /** Distinct names seen on the records, in order of first appearance. */
  readonly names: readonly string[];
  readonly records: readonly EntityLink[];
}

/**
 * A record that could not be linked, with the reason.
 *
 * @example
 * const u: UnlinkedRecord = { index: 3, reason: 'no_identifier', record: {} };
 */
export interface UnlinkedRecord {
  readonly index: number;
  /**
   * `not_object`, `no_identifier` (no identifier field filled, or not an entity record such as an officer)
   * or `invalid_identifier` (not a valid USCC / ID).
   */
  readonly reason: 'not_object' | 'no_identifier' | 'invalid_identifier';
  /** The field and value that failed, for `invalid_identifier`. */
  readonly field?: string;
  readonly value?: unknown;
  readonly record: unknown;
}

/**
 * The result of {@link linkByEntity}.
 *
 * @example
 * const { entities, unlinked }: EntityLinkResult = linkByEntity(records);
 */
export interface EntityLinkResult {
  /** One chain per entity, ordered by first appearance in the input. */
  readonly entities: readonly EntityChain[];
  readonly unlinked: readonly UnlinkedRecord[];
}

/** Identifier fields of the record types, in order of preference; `certType` names the type field. */
const ID_FIELDS: readonly { field: string; certTypeField?: string; name?: string }[] = [
  {
    field: 'adminCounterpartCertNo',
    certTypeField: 'adminCounterpartCertType',
    name: 'adminCounterpartName',
  },
  { field: 'unifiedSocialCreditCode', name: 'name' },
  { field: 'idCardNo', name: 'name' },
  { field: 'enterpriseCreditCode', certTypeField: 'enterpriseIdType', name: 'enterpriseName' },
  { field: 'complaintObjectCertCode', name: 'complaintObject' },
  { field: 'riskObjectCertCode', name: 'riskObject' },
  { field: 'uscc', name: 'objectName' },
];

const DATE_FIELDS = ['listedDate', 'receivedDate', 'createdAt', 'registeredDate', 'establishedDate'];

const USCC_TYPES = new Set(['001']);
const ID_TYPES = new Set(['111', '112']);

function identify(value: string, certType: unknown): { id: string; kind: EntityIdKind } | undefined {
  const wantUscc = typeof certType === 'string' && USCC_TYPES.has(certType);
  const wantId = typeof certType === 'string' && ID_TYPES.has(certType);
  if (!wantId) {
    const r = uscc.check(value);
    if (r.valid && r.value !== undefined) return { id: r.value, kind: 'uscc' };
  }
  if (!wantUscc) {
    try {
      const id = residentId.to18(value);
      return { id, kind: 'residentId' };
    } catch {
      // not a resident ID
    }
  }
  return undefined;
}

/**
 * Groups any mix of records — behaviours, entities, complaints, risk clues, credit records, drawn
 * objects — into one chain per entity by its 统一社会信用代码 or 居民身份证号码 (一码关联). Identifiers
 * are compact-normalised first (full-width, spaces, labels, lower case; 15-digit IDs become 18), so
 * `'９１３３ ０１００…'` and `'91330100…'` link. The certificate type, where a record has one, decides
 * which identifier is expected. Records with no or an invalid identifier are returned in `unlinked`.
 * Never throws and never mutates its input.
 *
 * @example
 * const { entities, unlinked } = linkByEntity([inspection, penalty, creditRecord]);
 * for (const e of entities) console.log(e.id, e.names[0], e.records.map((r) => r.date));
 */
export function linkByEntity(records: Iterable<unknown>): EntityLinkResult {
  const chains = new Map<
    string,
    { id: string; idKind: EntityIdKind; names: string[]; records: EntityLink[] }
  >();
  const unlinked: UnlinkedRecord[] = [];
  let index = 0;
  let list: unknown[];
  try {
    list = Array.isArray(records) ? records : [...(records as Iterable<unknown>)];
  } catch {
    list = [];
  }
  for (const record of list) {
    const i = index++;
    try {
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        unlinked.push({ index: i, reason: 'not_object', record });
        continue;
      }
      const rec = record as Readonly<Record<string, unknown>>;
      if (rec.lawEnforcementCertNo !== undefined && rec.entityClass === undefined) {
        // An officer (执法人员) is not a regulated entity, even though it may carry an ID number.
        unlinked.push({ index: i, reason: 'no_identifier', record });
        continue;
      }
      let found:
        | { field: string; value: unknown; id?: { id: string; kind: EntityIdKind }; name?: unknown }
        | undefined;
      for (const f of ID_FIELDS) {
        const value = rec[f.field];
        if (typeof value !== 'string' || value.trim() === '') continue;
        const id = identify(value, f.certTypeField === undefined ? undefined : rec[f.certTypeField]);
        found = { field: f.field, value, name: f.name === undefined ? undefined : rec[f.name] };
        if (id) {
          found.id = id;
          break;
        }
      }
      if (!found) {
        unlinked.push({ index: i, reason: 'no_identifier', record });
        continue;
      }
      if (!found.id) {
        unlinked.push({
          index: i,
          reason: 'invalid_identifier',
          field: found.field,
          value: found.value,
          record,
        });
        continue;
      }
      const key = `${found.id.kind}:${found.id.id}`;
      let chain = chains.get(key);
      if (!chain) {
        chain = { id: found.id.id, idKind: found.id.kind, names: [], records: [] };
        chains.set(key, chain);
      }
      if (
        typeof found.name === 'string' &&
        found.name.trim() !== '' &&
        !chain.names.includes(found.name.trim())
      ) {
        chain.names.push(found.name.trim());
      }
      const date = recordDate(rec);
      chain.records.push(
        date === undefined
          ? { index: i, field: found.field, record }
          : { index: i, field: found.field, record, date },
      );
    } catch {
      unlinked.push({ index: i, reason: 'not_object', record });
    }
  }
  const entities: EntityChain[] = [];
  for (const chain of chains.values()) {
    chain.records.sort((a, b) => {
      if (a.date !== b.date) {
        if (a.date === undefined) return 1;
        if (b.date === undefined) return -1;
        return a.date < b.date ? -1 : 1;
      }
      return a.index - b.index;
    });
    entities.push(chain);
  }
  return { entities, unlinked };
}

function recordDate(rec: Readonly<Record<string, unknown>>): string | undefined {
  const act = tryBehaviourActDate(rec);
  if (act !== undefined) return act;
  for (const f of DATE_FIELDS) {
    const day = civilDateOf(rec[f]);
    if (day !== undefined) return day;
  }
  return undefined;
}
