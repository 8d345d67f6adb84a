/**
 * @internal The largest of the samples a claim has measured (an error, a
 * distance). Before the first sample it is NaN, so a check built on it cannot
 * hold on no data; a NaN sample sticks, so a broken computation is never hidden
 * behind a larger finite one.
 */
export class Worst {
  private seen = 0;
  private max = Number.NaN;

  /** Adds one sample. */
  add(x: number): void {
    if (this.seen === 0 || Number.isNaN(x) || (!Number.isNaN(this.max) && x > this.max))
      this.max = x;
    this.seen++;
  }

  /** The largest sample, NaN when none was added or one of them was NaN. */
  get value(): number {
    return this.max;
  }

  /** How many samples were added. */
  get count(): number {
    return this.seen;
  }
}
