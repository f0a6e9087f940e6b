// Formatted records travel from a worker to the main thread through memory
// both threads share, instead of in a new buffer for every report. Each
// transferred buffer is memory the main thread's heap must account for and
// collect: at four bytes of JSON per byte of input, that was most of the
// main thread's work in a large run. The worker writes each report's bytes
// into a ring; the main thread writes them out and gives the space back.
//
// One writer (the worker) and one reader (the main thread) per ring. Space
// is given back in the order it was taken, which holds because a worker's
// reports are delivered in the order it made them.

/** Where a report's bytes sit in the ring, and how much ring they took (with any gap skipped before them). */
export interface RingSlice {
  offset: number;
  length: number;
  taken: number;
}

export interface SharedRing {
  data: SharedArrayBuffer;
  /** One 32-bit counter: bytes given back so far, modulo 2^32. */
  released: SharedArrayBuffer;
}

/** `bytes` must be a power of two, so positions stay consistent when the counters wrap at 2^32. */
export function createRing(bytes: number): SharedRing {
  if (bytes <= 0 || (bytes & (bytes - 1)) !== 0) throw new RangeError(`ring size ${bytes} is not a power of two`);
  return { data: new SharedArrayBuffer(bytes), released: new SharedArrayBuffer(4) };
}

/** The worker's end: copies a report's bytes into the ring, or says there is no room. */
export class RingWriter {
  private readonly data: Uint8Array;
  private readonly released: Int32Array;
  /** Bytes taken so far, modulo 2^32. */
  private taken = 0;

  constructor(ring: SharedRing) {
    this.data = new Uint8Array(ring.data);
    this.released = new Int32Array(ring.released);
  }

  place(bytes: Uint8Array): RingSlice | null {
    const capacity = this.data.length;
    let inUse = (this.taken - Atomics.load(this.released, 0)) >>> 0;
    let at = this.taken % capacity;
    // A report's bytes stay in one piece, so a report that would wrap starts again at the beginning.
    let gap = at + bytes.length > capacity ? capacity - at : 0;
    if (gap > 0 && inUse === 0) {
      // Nothing is in the ring, so the main thread has nothing to give back: the writer gives
      // the gap back itself, and a report as large as the whole ring still fits.
      Atomics.add(this.released, 0, gap);
      this.taken = (this.taken + gap) >>> 0;
      at = 0;
      gap = 0;
      inUse = 0;
    }
    const taken = gap + bytes.length;
    if (bytes.length === 0 || inUse + taken > capacity) return null;
    const offset = gap > 0 ? 0 : at;
    this.data.set(bytes, offset);
    this.taken = (this.taken + taken) >>> 0;
    return { offset, length: bytes.length, taken };
  }
}

/** The main thread's end: views of a report's bytes, and giving their space back once written. */
export class RingReader {
  private readonly data: Uint8Array;
  private readonly released: Int32Array;

  constructor(ring: SharedRing) {
    this.data = new Uint8Array(ring.data);
    this.released = new Int32Array(ring.released);
  }

  view(slice: RingSlice): Uint8Array {
    return this.data.subarray(slice.offset, slice.offset + slice.length);
  }

  release(slice: RingSlice): void {
    Atomics.add(this.released, 0, slice.taken);
  }
}
