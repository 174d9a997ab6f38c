import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/draw/sha256.js';
import {
  nextTicket,
  SamplingInputError,
  sampleIds,
  sha256Uniform,
  ticket,
  trimTicket,
} from '../src/index.js';

// Published vectors: ron-rivest/consistent_sampler (pkg/consistent_sampler/consistent_sampler.py docstrings)
// and votingworks/arlo server/tests/audit_math/snapshots/snap_test_sampler.py.

describe('consistent_sampler published vectors', () => {
  it('sha256_uniform("abc")', () => {
    expect(sha256Uniform('abc')).toBe(
      '0.56998071861792858926477341561059638840106636224182943832566300809078486324348',
    );
  });

  it('first_fraction("AB-130", "01382438112797316654")', () => {
    expect(ticket('01382438112797316654', 'AB-130')).toBe(
      '0.26299714122838008416507544297546663599715395525154425586041245287750224561854',
    );
  });

  it('next_fraction("0.25471") and next_ticket of AB-130', () => {
    expect(nextTicket('0.25471')).toBe(
      '0.642853261655004694691182528114375607701032283189922170593838029306715548381901',
    );
    expect(
      nextTicket('0.26299714122838008416507544297546663599715395525154425586041245287750224561854'),
    ).toBe('0.8232357229934205790595761924514048157652891124687533667363938813600770093316');
    expect(nextTicket('0.234')).toBe(
      '0.547830802749402616364646686795722512609112766306951592422621788875312684400211',
    );
  });

  it('trim keeps digits after the leading 9s', () => {
    expect(trimTicket('0.9991234567890', 4)).toBe('0.9991234');
    expect(trimTicket('0.123', Number.POSITIVE_INFINITY)).toBe('0.123');
  });

  it('done-when: sampler(["ab-1","ab-2","cd-1","ef-3"], seed=314159)', () => {
    expect(sampleIds(['ab-1', 'ab-2', 'cd-1', 'ef-3'], { seed: '314159', take: 4 })).toEqual([
      { id: 'cd-1', ticket: '0.317685817', generation: 1 },
      { id: 'ef-3', ticket: '0.832984519', generation: 1 },
      { id: 'ab-1', ticket: '0.9098039269', generation: 1 },
      { id: 'ab-2', ticket: '0.9231549043', generation: 1 },
    ]);
    // a numeric seed is str(seed)
    expect(sampleIds(['ab-1', 'ab-2', 'cd-1', 'ef-3'], { seed: 314159 }).map((p) => p.id)).toEqual([
      'cd-1',
      'ef-3',
      'ab-1',
      'ab-2',
    ]);
  });

  it('with replacement: ["A#2","B#7","C#1","D#4"], seed 314159, take 8', () => {
    expect(
      sampleIds(['A#2', 'B#7', 'C#1', 'D#4'], { seed: 314159, take: 8, withReplacement: true }).map(
        (p) => p.id,
      ),
    ).toEqual(['D#4', 'C#1', 'C#1', 'B#7', 'A#2', 'C#1', 'D#4', 'B#7']);
  });

  it('make_ticket_heap(["dog","cat","fish","goat"], "xy()134!g2n")', () => {
    const picks = sampleIds(['dog', 'cat', 'fish', 'goat'], {
      seed: 'xy()134!g2n',
      digits: Number.POSITIVE_INFINITY,
    });
    expect(picks.map((p) => [p.id, p.ticket])).toEqual([
      ['cat', '0.24866413894129579898796850445568128508290132707747976039848637531569373309555'],
      ['dog', '0.33886035615681875183111698317327684455682722683976874746986356932751818935066'],
      ['goat', '0.49599842072022713663423753308080171636735689997237236247068925068573448764387'],
      ['fish', '0.74685932088827950509145941729789143204056041958068799542050396198792954500593'],
    ]);
  });
});

describe('Arlo snapshot (test_draw_sample / test_draw_more_samples)', () => {
  const seed = '12345678901234567890abcdefghijklmnopqrstuvwxyz😊';
  // Arlo's ids are Python tuples (batch, position); str(('pct 1', 20)) == "('pct 1', 20)".
  const ids: string[] = [];
  for (const batch of ['pct 1', 'pct 2', 'pct 3', 'pct 4']) {
    for (let pos = 1; pos <= 25; pos++) ids.push(`('${batch}', ${pos})`);
  }
  const expected: [string, string, number][] = [
    ['0.000617786129909912', "('pct 2', 3)", 1],
    ['0.002991631653037245', "('pct 3', 24)", 1],
    ['0.012057030610635061', "('pct 1', 25)", 1],
    ['0.017930028930651931', "('pct 4', 19)", 1],
    ['0.025599454926985137', "('pct 3', 15)", 1],
    ['0.045351055354441163', "('pct 1', 7)", 1],
    ['0.063913979803461405', "('pct 1', 8)", 1],
    ['0.064553852798863609', "('pct 1', 22)", 1],
    ['0.078998835671540970', "('pct 1', 20)", 1],
    ['0.090240829778172783', "('pct 3', 12)", 1],
    ['0.096136506157297637', "('pct 1', 20)", 2],
    ['0.104280162683637014', "('pct 4', 17)", 1],
    ['0.108948480696023984', "('pct 1', 25)", 2],
    ['0.111195681310332785', "('pct 1', 4)", 1],
    ['0.114438612046531251', "('pct 4', 3)", 1],
    ['0.130457464320709301', "('pct 2', 1)", 1],
    ['0.133484785501449819', "('pct 1', 12)", 1],
    ['0.134519219670087860', "('pct 3', 20)", 1],
    ['0.135840440920085144', "('pct 3', 10)", 1],
    ['0.138772253094235762', "('pct 4', 20)", 1],
  ];

  it('draws 20 with replacement, digits 18', () => {
    const picks = sampleIds(ids, { seed, take: 20, withReplacement: true, digits: 18 });
    expect(picks.map((p) => [p.ticket, p.id, p.generation])).toEqual(expected);
  });

  it('a second round (drop 10, take 10) continues the first', () => {
    const round2 = sampleIds(ids, { seed, drop: 10, take: 10, withReplacement: true, digits: 18 });
    expect(round2.map((p) => [p.ticket, p.id, p.generation])).toEqual(expected.slice(10));
  });
});

describe('SHA-256 and input handling', () => {
  it('matches node:crypto on varied inputs', () => {
    for (const text of ['', 'a', 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(64), '中文😊'.repeat(40)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });

  it('long and non-ASCII ids take the multi-block path correctly', () => {
    const seed = 's';
    for (const id of ['x'.repeat(55), 'x'.repeat(56), 'x'.repeat(200), '企业-😊-'.repeat(10)]) {
      const hex = createHash('sha256').update(seed).digest('hex');
      const n = BigInt(
        `0x${createHash('sha256')
          .update(hex + id)
          .digest('hex')}`,
      );
      const expected = `0.${[...n.toString().padStart(64, '0')].reverse().join('')}`;
      expect(ticket(seed, id)).toBe(expected);
      expect(sampleIds([id], { seed, digits: Number.POSITIVE_INFINITY })[0]?.ticket).toBe(expected);
    }
  });

  it.each([
    [['a', 'a'], { seed: '1' }, 'duplicate_ids'],
    [['a', 1 as unknown as string], { seed: '1' }, 'invalid_id'],
    [['a'], { seed: '1', take: -1 }, 'invalid_count'],
    [['a'], { seed: '1', drop: 1.5 }, 'invalid_count'],
    [['a'], { seed: '1', withReplacement: true }, 'unbounded_sample'],
    [['a'], { seed: {} as unknown as string }, 'invalid_seed'],
  ])('rejects bad input %j %j with %s', (ids, options, code) => {
    expect(() => sampleIds(ids, options)).toThrow(SamplingInputError);
    try {
      sampleIds(ids, options);
    } catch (error) {
      expect((error as SamplingInputError).code).toBe(code);
    }
  });

  it('does not mutate the input', () => {
    const ids = Object.freeze(['c', 'b', 'a']);
    sampleIds(ids, { seed: 'x' });
    expect(ids).toEqual(['c', 'b', 'a']);
  });
});
