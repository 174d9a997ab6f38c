import { z } from 'zod';
import { ClientOptionsError } from '../errors/errors.js';
import type { XmlElement } from './xml.js';
import { escapeXml, parseXml } from './xml.js';

const s = () => z.string().optional();

const riskWarningSchema = z
  .object({
    riskObject: s(),
    riskObjectCertCode: s(),
    fxyjId: s(),
    domain: s(),
    province: s(),
    title: s(),
    level: s(),
    createdAt: s(),
    source: s(),
    ruleId: s(),
    props: s(),
  })
  .loose();

const superviseObjectSchema = z
  .object({
    superviseObjectType: s(),
    superviseObjectName: s(),
    superviseObjectCode: s(),
    credentialsType: s(),
    credentialsValue: s(),
    basisData: z
      .object({
        creditAssess: s(),
        operatingAbnormal: s(),
        seriousIllegal: s(),
        complaintInfo: s(),
        tipInfo: s(),
        riskWarning: riskWarningSchema.optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const taskDetailSchema = z
  .object({
    taskNo: s(),
    unionUnitType: s(),
    unionUnitNo: s(),
    unionUnitName: s(),
    status: s(),
    claimTime: s(),
    supervisionMatterCode: s(),
    endTime: s(),
    endReason: s(),
    feedbackTime: s(),
    feedbackSuggestion: s(),
  })
  .loose();

const leafRecord = z.record(z.string(), z.string());

/**
 * The joint-supervision exchange document `<superviseData>` (联合监管任务交换报文, reference §2.3): `taskInfo`
 * (task header, objects and their basis data incl. the risk-warning clue) and `supervisionProcess` (per-unit
 * task details with claim/feedback times, and the feedback behaviour records).
 *
 * @example
 * superviseDataSchema.parse({ taskInfo: { taskNo: 'lhjg111', status: '分发' } });
 */
export const superviseDataSchema = z
  .object({
    taskInfo: z
      .object({
        taskNo: z.string(),
        taskName: s(),
        taskStartTime: s(),
        status: s().meta({ description: '分发/认领/结束/反馈' }),
        initiateUnitNo: s(),
        initiateUnitName: s(),
        initiateUnitType: s(),
        unionDeptNo: s(),
        unionDeptName: s(),
        unionRegionNo: s(),
        unionRegionName: s(),
        supervisionMatterCode: s(),
        superviseObjectNo: s(),
        inspectContent: s(),
        inspectClaim: s(),
        remark: s(),
        superviseObjects: z.array(superviseObjectSchema).optional(),
      })
      .loose(),
    supervisionProcess: z
      .object({
        taskDetails: z.array(taskDetailSchema).optional(),
        feedbackUnitInfo: z
          .object({
            admInspection: leafRecord.optional(),
            admPunishment: leafRecord.optional(),
            admForce: leafRecord.optional(),
            other: leafRecord.optional(),
          })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/**
 * A decoded `<superviseData>` document; see {@link superviseDataSchema}.
 *
 * @example
 * const d: SuperviseData = { taskInfo: { taskNo: 'lhjg111' } };
 */
export type SuperviseData = z.infer<typeof superviseDataSchema>;

/** Container elements whose children repeat: container → child element name. */
const WRAPPED_ARRAYS: Record<string, string> = { superviseObjects: 'superviseObject' };
/** Elements that repeat directly (no container). */
const REPEATED = new Set(['taskDetails']);

function toXml(name: string, value: unknown, indent: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const child = WRAPPED_ARRAYS[name];
    if (child) {
      return `${indent}<${name}>\n${value.map((v) => toXml(child, v, `${indent}  `)).join('')}${indent}</${name}>\n`;
    }
    return value.map((v) => toXml(name, v, indent)).join('');
  }
  if (typeof value === 'object') {
    if (Object.values(value as Record<string, unknown>).every((v) => v === undefined)) return '';
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => toXml(k, v, `${indent}  `))
      .join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

/** The first code point XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/FFFF). */
function firstInvalidXmlChar(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c;
    if (c === 0xfffe || c === 0xffff) return c;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return c;
    } else if (c >= 0xdc00 && c <= 0xdfff) return c;
  }
  return undefined;
}

function fromXml(el: XmlElement): unknown {
  if (el.children.length === 0) return el.text;
  const child = WRAPPED_ARRAYS[el.name];
  if (child) return el.children.filter((c) => c.name === child).map(fromXml);
  const out: Record<string, unknown> = {};
  for (const c of el.children) {
    const v = fromXml(c);
    if (REPEATED.has(c.name)) {
      const list = (out[c.name] as unknown[] | undefined) ?? [];
      list.push(v);
      out[c.name] = list;
    } else out[c.name] = v;
  }
  return out;
}

/**
 * Encodes a document as UTF-8 XML, then base64 — the transport form systems exchange today.
 *
 * @example
 * const b64 = encodeSuperviseData({ taskInfo: { taskNo: 'lhjg111', status: '分发' } });
 */
export function encodeSuperviseData(data: SuperviseData): string {
  const parsed = superviseDataSchema.safeParse(data);
  if (!parsed.success) {
    throw new ClientOptionsError(
      { zh: 'superviseData 结构不符合规范', en: 'superviseData does not match the exchange format' },
      { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${toXml('superviseData', data, '')}`;
  const bad = firstInvalidXmlChar(xml);
  if (bad !== undefined) {
    throw new ClientOptionsError(
      {
        zh: 'superviseData 含 XML 不允许的字符',
        en: 'superviseData contains a character XML 1.0 does not allow',
      },
      { codePoint: bad },
    );
  }
  return Buffer.from(xml, 'utf8').toString('base64');
}

/**
 * Decodes base64 XML `<superviseData>` into a typed document. Throws {@link ClientOptionsError} when the
 * base64, the XML or the structure is invalid.
 *
 * @example
 * decodeSuperviseData(encodeSuperviseData({ taskInfo: { taskNo: 'lhjg111' } })).taskInfo.taskNo; // 'lhjg111'
 */
export function decodeSuperviseData(base64: string): SuperviseData {
  if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(base64)) {
    throw new ClientOptionsError({
      zh: 'superviseData 不是合法的 base64',
      en: 'superviseData is not valid base64',
    });
  }
  let root: XmlElement;
  try {
    root = parseXml(Buffer.from(base64, 'base64').toString('utf8'));
  } catch (cause) {
    throw new ClientOptionsError(
      { zh: 'superviseData 不是合法的 XML', en: 'superviseData is not well-formed XML' },
      { cause: String(cause) },
    );
  }
  if (root.name !== 'superviseData') {
    throw new ClientOptionsError(
      { zh: '根元素必须是 superviseData', en: 'the root element must be <superviseData>' },
      { root: root.name },
    );
  }
  const parsed = superviseDataSchema.safeParse(fromXml(root));
  if (!parsed.success) {
    throw new ClientOptionsError(
      { zh: 'superviseData 结构不符合规范', en: 'superviseData does not match the exchange format' },
      { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
  return parsed.data;
}
