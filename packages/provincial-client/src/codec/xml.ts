/** A parsed XML element: name, attributes, child elements and text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Escapes text for XML element content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ent: string) => {
    if (ent.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCodePoint(Number.parseInt(ent.slice(1), 10));
    return ENTITIES[ent] ?? whole;
  });
}

/**
 * A small, strict XML parser for data documents (elements, attributes, text, CDATA; no DTDs). Throws on malformed
 * input with the offset of the problem.
 */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new SyntaxError(`XML: ${msg} at offset ${i}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (i < xml.length && /\s/.test(xml[i]!)) i++;
      if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) fail('unterminated declaration');
        i = end + 2;
      } else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', i)) {
        fail('DTDs are not supported');
      } else return;
    }
  };
  const parseElement = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(xml.slice(i, i + 200));
    if (!nameMatch) fail('expected element name');
    const name = nameMatch![0];
    i += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
      if (!attr) fail(`bad attribute in <${name}>`);
      attributes[attr![1]!] = unescapeXml(attr![3] ?? attr![4] ?? '');
      i += attr![0].length;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= xml.length) fail(`unclosed <${name}>`);
      if (xml.startsWith('</', i)) {
        const end = xml.indexOf('>', i);
        const closing = xml.slice(i + 2, end).trim();
        if (closing !== name) fail(`mismatched </${closing}> for <${name}>`);
        i = end + 1;
        return { name, attributes, children, text: children.length > 0 ? text.trim() : text };
      }
      if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        text += xml.slice(i + 9, end);
        i = end + 3;
      } else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml[i] === '<') {
        children.push(parseElement());
      } else {
        const next = xml.indexOf('<', i);
        if (next < 0) fail(`unclosed <${name}>`);
        text += unescapeXml(xml.slice(i, next));
        i = next;
      }
    }
  };
  skipMisc();
  const root = parseElement();
  skipMisc();
  if (i < xml.length) fail('content after the root element');
  return root;
}
