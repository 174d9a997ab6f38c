// `npm run test:ci`: the CI-only tier (see vitest.shared.ts): `*.ci.test.ts` files and the real-server
// @jianguan/postgres suite. The project configs read the tier when vitest loads them, after this line.
process.env.JIANGUAN_TEST_TIER = 'ci';

export { default } from './vitest.config.ts';
