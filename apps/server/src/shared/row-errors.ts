/**
 * Row errors of an upload, bounded: however many a file has, only the `keep` with the lowest row numbers are held
 * (and stored and offered for download), with the count of all of them. A file of 200,000 bad rows costs the
 * server a count, not 200,000 messages.
 */
export class RowErrors<E extends { row: number }> {
  private kept: E[] = [];
  private total = 0;
  private readonly rows = new Set<number>();

  constructor(readonly keep: number) {}

  add(...errors: E[]): void {
    for (const e of errors) {
      this.total++;
      this.rows.add(e.row);
      this.kept.push(e);
    }
    if (this.kept.length > 2 * this.keep) this.trim();
  }

  private trim(): void {
    this.kept.sort((a, b) => a.row - b.row);
    this.kept.length = Math.min(this.kept.length, this.keep);
  }

  /** How many errors were found in all. */
  get count(): number {
    return this.total;
  }

  /** The rows that have at least one error (all of them, not only the kept ones). */
  get errorRows(): ReadonlySet<number> {
    return this.rows;
  }

  /** The kept errors, by row. */
  list(): E[] {
    this.trim();
    return this.kept;
  }
}
