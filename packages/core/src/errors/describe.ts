/**
 * A short, safe rendering of any value for an error message (错误信息中的取值描述). Never throws, whatever
 * the value — unlike `String(value)`, which throws on JSON such as `{"toString": 1}` or on objects without
 * a prototype. Strings are quoted and cut at `max` characters; objects and arrays show only their kind.
 *
 * @example
 * describeValue('2025-13-01'); // '"2025-13-01"'
 * describeValue({ toString: 1 }); // 'object'
 * describeValue(1.5); // '1.5'
 */
export function describeValue(value: unknown, max = 40): string {
  const limit = typeof max === 'number' && max >= 0 ? max : 40;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > limit ? `${value.slice(0, limit)}…` : value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'symbol';
    case 'function':
      return 'function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'array';
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : 'Date';
      return 'object';
  }
}
