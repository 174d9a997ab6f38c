// The national tables are built without zod at import (so importing core loads no zod): validating the same
// data with codeTableSchema (through defineCodeTable) must give exactly the tables the registry holds.
import { describe, expect, it } from 'vitest';
import {
  codeTableSchema,
  codeTables,
  codeTableVariants,
  defineCodeTable,
  NATIONAL_CODE_TABLES,
} from '../../src/index.js';

describe('built-in code tables', () => {
  it('every national table passes codeTableSchema and equals what defineCodeTable makes of it', () => {
    for (const input of Object.values(NATIONAL_CODE_TABLES)) {
      expect(codeTableSchema.safeParse(input).error?.issues, input.id).toBeUndefined();
      const table = codeTables.get(input.id);
      const validated = defineCodeTable(structuredClone(input));
      expect(table).toEqual(validated);
      expect(JSON.stringify(table)).toBe(JSON.stringify(validated)); // same key order too
      expect(Object.isFrozen(table) && Object.isFrozen(table.entries[0])).toBe(true);
    }
  });

  it('the shipped variant is valid too, and registering it keeps it as is', () => {
    const variant = codeTableVariants.punishTypePre2021;
    expect(codeTableSchema.safeParse(variant).success).toBe(true);
    expect(codeTables.with(variant).get('punishType')).toBe(variant);
  });
});
