import { getCodeTable } from '@jianguan/core';
import type { PenaltyKind, SpotCheckResultCode } from '../facts/codes.js';
import { HEAVY_PENALTY_KINDS } from '../facts/codes.js';

/**
 * Every penalty kind except 01 警告: "a penalty that is not only a warning" (02–14, from core's `punishType`
 * code table, the one list of penalty kinds).
 */
export const NON_WARNING_PENALTIES: PenaltyKind[] = getCodeTable('punishType')
  .entries.map((e) => e.code)
  .filter((k) => k !== '01');

/** Heavy penalties (Order 45 第14条; NDRC 2025 "严重"). */
export const HEAVY_PENALTIES: PenaltyKind[] = [...HEAVY_PENALTY_KINDS];

/** Spot-check results that record a problem (sampling-and-credit.md §A5); E = found and corrected. */
export const PROBLEM_RESULTS: SpotCheckResultCode[] = ['2', '3', '4', '5', '6', '8', 'A', 'B', 'C', 'D', 'G'];
