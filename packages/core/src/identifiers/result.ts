import { isJianguanError } from '../errors/jianguan-error.js';
import {
  InvalidChecksumError,
  InvalidComponentError,
  InvalidFormatError,
  InvalidLengthError,
} from './errors.js';
import type { IdentifierCheckResult, IdentifierIssue } from './types.js';

/** @internal An identifier error as a check-result issue. */
export function toIssue(error: InvalidFormatError): IdentifierIssue {
  return { code: error.code, severity: 'error', message: error.messages, details: error.details };
}

/**
 * @internal Runs a validating function, turning its typed error into a failed result and collecting warnings
 * from `warn` on success. Never throws for identifier errors; rethrows anything else (a bug).
 */
export function runCheck(
  value: unknown,
  compact: (v: unknown) => string,
  validate: (v: string) => string,
  warn: (v: string) => IdentifierIssue[] = () => [],
): IdentifierCheckResult {
  let compacted: string | undefined;
  try {
    compacted = compact(value);
    const valid = validate(compacted);
    return { value: valid, valid: true, errors: [], warnings: warn(valid) };
  } catch (error) {
    if (error instanceof InvalidFormatError) {
      return { value: compacted, valid: false, errors: [toIssue(error)], warnings: [] };
    }
    if (isJianguanError(error)) {
      return {
        value: compacted,
        valid: false,
        errors: [
          { code: 'invalid_format', severity: 'error', message: error.messages, details: error.details },
        ],
        warnings: [],
      };
    }
    throw error;
  }
}

/** @internal The typed error for an error issue (the inverse of {@link toIssue}). */
export function errorFromIssue(issue: IdentifierIssue): InvalidFormatError {
  const options = issue.details === undefined ? {} : { details: issue.details };
  switch (issue.code) {
    case 'invalid_length':
      return new InvalidLengthError(issue.message, options);
    case 'invalid_checksum':
      return new InvalidChecksumError(issue.message, options);
    case 'invalid_component':
      return new InvalidComponentError(issue.message, options);
    default:
      return new InvalidFormatError(issue.message, options);
  }
}
