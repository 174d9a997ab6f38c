/** See ledger-section.mjs. */
export function writeLedgerSection(options: {
  readonly target: URL;
  readonly begin: string;
  readonly end: string;
  readonly section: string;
  readonly label: string;
  readonly script: string;
}): void;
