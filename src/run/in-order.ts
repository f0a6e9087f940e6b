// Results arrive in any order (workers finish when they finish) and are
// delivered in input order, one at a time, each after the previous
// delivery has settled.

interface Waiting<T> {
  result: T;
  /** Gives back what the result borrows (its slice of a worker's ring) once delivered. */
  release?: () => void;
}

export class InOrder<T> {
  private readonly waiting = new Map<number, Waiting<T>>();
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private resolveDone!: () => void;
  private rejectDone!: (err: unknown) => void;
  /** Index of the next result to deliver. */
  next = 0;
  /** Settles once every result is delivered, or a delivery failed. */
  readonly done: Promise<void>;

  constructor(
    private readonly total: number,
    private readonly deliver: (result: T) => Promise<void>,
    /** Called after each round of deliveries: room has been made for more work. */
    private readonly delivered: () => void = () => undefined,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    if (total === 0) this.resolveDone();
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  settle(index: number, result: T, release?: () => void): void {
    // A result already delivered (or waiting) is not taken twice.
    if (index < this.next || this.waiting.has(index)) {
      release?.();
      return;
    }
    this.waiting.set(index, { result, release });
  }

  flush(): void {
    this.chain = this.chain.then(async () => {
      while (!this.failure && this.waiting.has(this.next)) {
        const { result, release } = this.waiting.get(this.next)!;
        this.waiting.delete(this.next);
        this.next++;
        try {
          await this.deliver(result);
        } catch (err) {
          this.failure = err;
        } finally {
          release?.();
        }
      }
      if (this.failure) this.rejectDone(this.failure);
      else if (this.next === this.total) this.resolveDone();
      else this.delivered();
    });
  }
}
