// The exported zod schemas are lazy stand-ins (built on first use): they must behave as the schemas.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { behaviourRecordSchema, enterpriseSchema, yearScheduleSchema } from '../../src/index.js';
import { lazyObject, lazySchema, materialise, once } from '../../src/internal/lazy.js';

describe('lazySchema', () => {
  it('builds nothing until first touched, then once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ n: z.number() });
    });
    expect(builds).toBe(0);
    expect(schema.parse({ n: 1 })).toEqual({ n: 1 });
    expect(schema.safeParse({ n: 'x' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('passes for the schema with instanceof, composition, extension, keys and inspection', () => {
    expect(enterpriseSchema).toBeInstanceOf(z.ZodObject);
    expect(behaviourRecordSchema).toBeInstanceOf(z.ZodDiscriminatedUnion);
    expect(Object.keys(enterpriseSchema.shape)).toContain('unifiedSocialCreditCode');
    const wrapped = z.object({ schedule: yearScheduleSchema });
    const bad = wrapped.safeParse({ schedule: { year: 2027 } });
    expect(bad.success).toBe(false);
    expect(bad.error).toBeInstanceOf(z.ZodError);
    expect(bad.error?.issues[0]?.path[0]).toBe('schedule');
    const extended = enterpriseSchema.extend({ extra: z.literal(1) });
    expect(extended.shape.extra).toBeInstanceOf(z.ZodLiteral);
    expect(Object.getOwnPropertyDescriptor(enterpriseSchema, '_zod')?.configurable).toBe(false);
    expect(Reflect.ownKeys(enterpriseSchema)).toEqual(Reflect.ownKeys(materialise(enterpriseSchema)));
    expect(z.toJSONSchema(enterpriseSchema)).toEqual(z.toJSONSchema(materialise(enterpriseSchema)));
  });

  it('materialise returns the real object behind a lazy one, and anything else as it is', () => {
    const real = { a: 1 };
    const lazy = lazyObject(once(() => real));
    expect(lazy).not.toBe(real);
    expect(materialise(lazy)).toBe(real);
    expect(materialise(real)).toBe(real);
    expect(materialise(null)).toBe(null);
    lazy.a = 2;
    expect(real.a).toBe(2);
    expect('a' in lazy).toBe(true);
  });
});
