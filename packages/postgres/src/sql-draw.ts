import { PostgresError } from './errors.js';

/**
 * SQL text of the in-database draw (库内抽取). `n` — the SHA-256 digest read as a big-endian 256-bit integer —
 * is built with exact `numeric` arithmetic from 8 unsigned 32-bit words (Horner), never with `^` (which adds a
 * scale) nor `lpad` (which truncates the 78-digit integers); the id is hashed as `convert_to(id, 'UTF8')`,
 * independent of the database encoding and of bytea escapes.
 */

function word(i: number): string {
  const b = (k: number) => `get_byte(h, ${4 * i + k})::bigint`;
  return `(${b(0)} * 16777216 + ${b(1)} * 65536 + ${b(2)} * 256 + ${b(3)})`;
}

/** `n` as an exact numeric expression over the bytea `h`. */
function digestInteger(): string {
  let expr = `${word(0)}::numeric`;
  for (let i = 1; i < 8; i++) expr = `(${expr} * 4294967296 + ${word(i)})`;
  return expr;
}

/** Ticket digits in the draw's bigint sort key (the rest only break its ties). */
const KEY_DIGITS = 15;

/**
 * The first 15 ticket digits as a bigint over the bytea expression `h`: `n mod 10^15` in bigint arithmetic, byte by
 * byte (the accumulator stays below 2^58), its 15 digits reversed. Orders like the ticket except on ties. Uses
 * `mod()`, not `%`, so it can sit inside a `format()` string.
 */
function keyExpression(h: string, digits = KEY_DIGITS): string {
  const modulus = `1${'0'.repeat(digits)}`;
  let expr = `get_byte(${h}, 0)::bigint`;
  for (let i = 1; i < 32; i++) expr = `mod(${expr} * 256 + get_byte(${h}, ${i}), ${modulus})`;
  return `reverse(lpad((${expr})::text, ${digits}, '0'))::bigint`;
}

/**
 * The functions: `uniform_hex(h)` (steps 3–5 of the ticket: digest → `0.` + reversed, ≥64-digit decimal),
 * `ticket_hex(seed_hex, id)` (the ticket with the seed's hex digest precomputed), `ticket(seed, id)` and
 * `ticket_key(seed_hex, id)` (the first 15 ticket digits as a bigint: `n mod 10^15` in bigint arithmetic,
 * its 15 digits reversed — it orders like the ticket except on ties) and `draw(seed, frame, sizes)`, which keeps
 * per stratum the n smallest keys `with ties` and only then computes and compares full tickets. All STABLE like `convert_to`, so the SQL functions inline into the draw's query.
 */
export type DigestFunction = 'builtin' | 'pgcrypto';

/**
 * The draw functions' SQL, hashing with PostgreSQL's built-in `sha256()` (11+) or, for engines without it, pgcrypto's
 * `digest(…, 'sha256')` (install the extension first). `keyDigits` (default 15) is the width of the draw's bigint
 * sort key; the tie test installs a narrower one so that ties at the cut are common. @internal
 */
export function drawFunctionsSql(digest: DigestFunction = 'builtin', keyDigits = KEY_DIGITS): string {
  if (!Number.isInteger(keyDigits) || keyDigits < 1 || keyDigits > KEY_DIGITS) {
    throw new PostgresError(
      'invalid_key_digits',
      {
        zh: `排序键位数必须是 1 到 ${KEY_DIGITS} 的整数`,
        en: `keyDigits must be an integer in 1..${KEY_DIGITS}`,
      },
      { path: ['keyDigits'], details: { value: keyDigits } },
    );
  }
  const sha = (x: string): string => (digest === 'pgcrypto' ? `digest(${x}, 'sha256')` : `sha256(${x})`);
  return drawFunctionsTemplate(keyDigits).replace(
    /sha256\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g,
    (_, x: string) => sha(x),
  );
}

const drawFunctionsTemplate = (keyDigits: number): string => `
create or replace function jianguan.uniform_digest(h bytea) returns text
language sql immutable strict parallel safe as $fn$
  select '0.' || reverse(case when length(d) < 64 then repeat('0', 64 - length(d)) || d else d end)
  from (select (${digestInteger()})::text as d) as n
$fn$;

create or replace function jianguan.ticket_hex(seed_hex text, id text) returns text
language sql stable strict parallel safe as $fn$
  select jianguan.uniform_digest(sha256(convert_to(seed_hex, 'UTF8') || convert_to(id, 'UTF8')))
$fn$;

create or replace function jianguan.ticket_key(seed_hex text, id text) returns bigint
language sql stable strict parallel safe as $fn$
  select ${keyExpression('h')}
  from (select sha256(convert_to(seed_hex, 'UTF8') || convert_to(id, 'UTF8')) as h) as d
$fn$;

create or replace function jianguan.ticket(seed text, id text) returns text
language sql stable strict parallel safe as $fn$
  select jianguan.ticket_hex(encode(sha256(convert_to(seed, 'UTF8')), 'hex'), id)
$fn$;

create or replace function jianguan.draw(seed text, frame regclass, sizes jsonb)
returns table (stratum text, rank integer, id text, ticket text)
language plpgsql stable parallel safe as $fn$
declare
  seed_hex text := encode(sha256(convert_to(seed, 'UTF8')), 'hex');
begin
  if jsonb_typeof(sizes) is distinct from 'object' then
    raise exception 'jianguan.draw: sizes must be a JSON object {stratum: count}' using errcode = '22023';
  end if;
  return query execute format($q$
    select s.key, (row_number() over (partition by s.key order by p.ticket collate "C", p.id collate "C"))::integer as rank,
           p.id, p.ticket
    from jsonb_each_text($2) as s(key, n)
    cross join lateral (
      select y.id, y.ticket
      from (
        select x.id, jianguan.ticket_hex($1, x.id) as ticket
        from (
          select f.id::text as id, ${keyExpression('d.h', keyDigits)} as k
          from %s as f
          cross join lateral (
            select sha256(convert_to($1, 'UTF8') || convert_to(f.id::text, 'UTF8')) as h offset 0
          ) as d
          where f.stratum::text = s.key
          order by k
          fetch first greatest(s.n::bigint, 0) rows with ties
        ) as x
      ) as y
      order by y.ticket collate "C", y.id collate "C"
      limit greatest(s.n::bigint, 0)
    ) as p
    order by s.key collate "C", rank
  $q$, frame) using seed_hex, sizes;
end
$fn$;
`;
