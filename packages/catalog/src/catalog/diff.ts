import { describeValue, diffVersionedEntries, fieldDictionary } from '@jianguan/core';
import { badInput, catalogDiffShape, catalogShape, requireShape } from '../boundary.js';
import { citationKeys } from '../legal-basis/citation.js';
import { type Catalog, type CatalogEntry, catalogItemKey, catalogItemName } from './catalog.js';

/**
 * One changed element of a catalog item between two versions (要素变更).
 *
 * @example
 * const c: CatalogFieldChange = { field: 'legalBasis', zh: '设定依据', before: '…', after: '…' };
 */
export interface CatalogFieldChange {
  readonly field: string;
  /** The element's Chinese name from core's field dictionary. */
  readonly zh: string;
  readonly before: unknown;
  readonly after: unknown;
  /** For `legalBasis`: citation keys only before / only after (wording-only edits give two empty lists). */
  readonly citations?: { readonly removed: readonly string[]; readonly added: readonly string[] };
}

/**
 * Differences between two catalog versions (目录版本差异), by item key (item code + sub-item code).
 *
 * @example
 * const d: CatalogDiff = diffCatalogs(v2022, v2023);
 * d.added.map((i) => i.itemCode);
 */
export interface CatalogDiff {
  readonly from: { readonly id: string; readonly version: string; readonly publishedDate: string };
  readonly to: { readonly id: string; readonly version: string; readonly publishedDate: string };
  readonly added: readonly CatalogEntry[];
  readonly removed: readonly CatalogEntry[];
  readonly changed: readonly {
    readonly key: string;
    readonly itemCode: string;
    readonly name: string;
    readonly changes: readonly CatalogFieldChange[];
  }[];
  /**
   * Removed/added pairs that look like one item under a new code (疑似改码): the same name, or the same
   * non-empty set of article-level citations. For a person to confirm; the items stay in `added`/`removed`.
   */
  readonly possiblyRecoded: readonly {
    readonly from: string;
    readonly to: string;
    readonly reason: 'same_name' | 'same_citations';
  }[];
}

const ZH = fieldDictionary.catalogItem as Readonly<Record<string, { readonly zh: string }>>;

/**
 * Compares two versions of a catalog (目录版本比对) with core's `diffVersionedEntries`: items added, removed
 * and changed (per element, Chinese names included; legal-basis changes also as citation keys), and removed/added
 * pairs that look like one item under a new code. Order changes alone are not reported.
 *
 * @example
 * const diff = diffCatalogs(before, after);
 * for (const c of diff.changed) console.log(c.name, c.changes.map((x) => x.zh));
 */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  requireShape(catalogShape, before, ['before']);
  requireShape(catalogShape, after, ['after']);
  const d = diffVersionedEntries<CatalogEntry>(before.items, after.items, {
    path: 'items',
    idOf: catalogItemKey,
  });
  const beforeByKey = new Map(before.items.map((i) => [catalogItemKey(i), i] as const));
  const afterByKey = new Map(after.items.map((i) => [catalogItemKey(i), i] as const));
  const changed = d.changed.map(({ id }) => {
    const a = beforeByKey.get(id)!;
    const b = afterByKey.get(id)!;
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (f) =>
        JSON.stringify((a as Record<string, unknown>)[f]) !==
        JSON.stringify((b as Record<string, unknown>)[f]),
    );
    const changes = fields.map((field): CatalogFieldChange => {
      const x = (a as Record<string, unknown>)[field];
      const y = (b as Record<string, unknown>)[field];
      const base = { field, zh: ZH[field]?.zh ?? field, before: x, after: y };
      if (field !== 'legalBasis') return base;
      const kx = typeof x === 'string' ? citationKeys(x) : [];
      const ky = typeof y === 'string' ? citationKeys(y) : [];
      return {
        ...base,
        citations: { removed: kx.filter((k) => !ky.includes(k)), added: ky.filter((k) => !kx.includes(k)) },
      };
    });
    return { key: id, itemCode: b.itemCode, name: catalogItemName(b), changes };
  });
  const removed = d.removed.map((k) => beforeByKey.get(k)!);
  const added = d.added.map((k) => afterByKey.get(k)!);
  const articleKeys = (i: CatalogEntry) =>
    (typeof i.legalBasis === 'string' ? citationKeys(i.legalBasis) : [])
      .filter((k) => k.includes('#'))
      .sort()
      .join('|');
  const possiblyRecoded: { from: string; to: string; reason: 'same_name' | 'same_citations' }[] = [];
  const taken = new Set<string>();
  for (const r of removed) {
    const name = catalogItemName(r);
    const keys = articleKeys(r);
    const byName = added.find(
      (a) => !taken.has(catalogItemKey(a)) && name !== '' && catalogItemName(a) === name,
    );
    const byBasis = byName
      ? undefined
      : added.find((a) => !taken.has(catalogItemKey(a)) && keys !== '' && articleKeys(a) === keys);
    const match = byName ?? byBasis;
    if (match) {
      taken.add(catalogItemKey(match));
      possiblyRecoded.push({
        from: catalogItemKey(r),
        to: catalogItemKey(match),
        reason: byName ? 'same_name' : 'same_citations',
      });
    }
  }
  return {
    from: { id: before.id, version: before.version, publishedDate: before.publishedDate },
    to: { id: after.id, version: after.version, publishedDate: after.publishedDate },
    added,
    removed,
    changed: changed.filter((c) => c.changes.length > 0),
    possiblyRecoded,
  };
}

/**
 * Renders a {@link CatalogDiff} as a Markdown changelog (目录变更说明) in Chinese (`'zh'`, default) or English.
 * A legal-basis edit that changes no citation is marked as wording only.
 *
 * @example
 * console.log(catalogChangelog(diffCatalogs(before, after), 'zh'));
 */
export function catalogChangelog(diff: CatalogDiff, lang: 'zh' | 'en' = 'zh'): string {
  requireShape(catalogDiffShape, diff, ['diff']);
  if (lang !== 'zh' && lang !== 'en')
    badInput('invalid_input', ['lang'], { en: "'zh' or 'en'", zh: "'zh' 或 'en'" }, lang);
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(
    zh
      ? `# 监管事项目录变更：${diff.from.id} ${diff.from.version}（${diff.from.publishedDate}）→ ${diff.to.id} ${diff.to.version}（${diff.to.publishedDate}）`
      : `# Catalog changes: ${diff.from.id} ${diff.from.version} (${diff.from.publishedDate}) → ${diff.to.id} ${diff.to.version} (${diff.to.publishedDate})`,
  );
  lines.push('');
  lines.push(
    zh
      ? `新增 ${diff.added.length} 项，取消 ${diff.removed.length} 项，调整 ${diff.changed.length} 项。`
      : `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.`,
  );
  const section = (title: string, items: readonly CatalogEntry[]) => {
    if (items.length === 0) return;
    lines.push('', `## ${title}`, '');
    for (const i of items) lines.push(`- ${catalogItemKey(i)} ${catalogItemName(i)}`);
  };
  section(zh ? '新增事项' : 'Added', diff.added);
  section(zh ? '取消事项' : 'Removed', diff.removed);
  if (diff.possiblyRecoded.length > 0) {
    lines.push('', `## ${zh ? '疑似改码（请核实）' : 'Possibly recoded (to confirm)'}`, '');
    for (const r of diff.possiblyRecoded) {
      const why =
        r.reason === 'same_name'
          ? zh
            ? '名称相同'
            : 'same name'
          : zh
            ? '设定依据条款相同'
            : 'same cited articles';
      lines.push(`- ${r.from} → ${r.to}（${why}）`);
    }
  }
  if (diff.changed.length > 0) {
    lines.push('', `## ${zh ? '调整事项' : 'Changed'}`, '');
    for (const c of diff.changed) {
      lines.push(`- ${c.key} ${c.name}`);
      for (const f of c.changes) {
        const label = zh ? f.zh : f.field;
        if (f.citations) {
          const { removed, added } = f.citations;
          if (removed.length === 0 && added.length === 0) {
            lines.push(`  - ${label}: ${zh ? '仅文字调整，引用条款未变' : 'wording only, same citations'}`);
          } else {
            // The English text quotes the (Chinese) citation keys, so that no line mixes the two languages.
            const keys = (ks: readonly string[]) => (zh ? ks : ks.map((k) => `"${k}"`)).join(', ');
            const parts = [
              ...(removed.length > 0 ? [`${zh ? '删除' : 'removed'} ${keys(removed)}`] : []),
              ...(added.length > 0 ? [`${zh ? '新增' : 'added'} ${keys(added)}`] : []),
            ];
            lines.push(`  - ${label}: ${parts.join('; ')}`);
          }
        } else {
          lines.push(`  - ${label}: ${show(f.before)} → ${show(f.after)}`);
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function show(v: unknown): string {
  if (v === undefined) return '—';
  let text: string;
  try {
    text = Array.isArray(v) ? v.join(',') : String(v);
  } catch {
    text = describeValue(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
