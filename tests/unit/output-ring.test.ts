import { describe, expect, it } from 'vitest';
import { createRing, RingReader, RingWriter, type RingSlice } from '../../src/run/output-ring.js';

// The ring between a worker and the main thread: bytes come out as they went
// in, space comes back only when released, and a report never wraps.

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('output ring', () => {
  it('hands back what was placed, and refuses what does not fit until space is released', () => {
    const ring = createRing(16);
    const writer = new RingWriter(ring);
    const reader = new RingReader(ring);
    const a = writer.place(bytes(6, 1))!;
    const b = writer.place(bytes(6, 2))!;
    expect(writer.place(bytes(6, 3))).toBeNull(); // 12 of 16 in use
    expect([...reader.view(a)]).toEqual([1, 1, 1, 1, 1, 1]);
    expect([...reader.view(b)]).toEqual([2, 2, 2, 2, 2, 2]);
    reader.release(a);
    // 4 bytes are left before the end: the next report starts again at 0, after the gap.
    const c = writer.place(bytes(6, 3))!;
    expect(c).toEqual({ offset: 0, length: 6, taken: 10 });
    expect([...reader.view(b)]).toEqual([2, 2, 2, 2, 2, 2]);
    expect([...reader.view(c)]).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('keeps every byte right over many laps, whatever the sizes', () => {
    const ring = createRing(64);
    const writer = new RingWriter(ring);
    const reader = new RingReader(ring);
    const pending: Array<{ slice: RingSlice; fill: number }> = [];
    for (let i = 0; i < 2000; i++) {
      const size = 1 + ((i * 7) % 40);
      let slice = writer.place(bytes(size, i % 251));
      while (!slice) {
        const oldest = pending.shift()!;
        expect(reader.view(oldest.slice).every((b) => b === oldest.fill)).toBe(true);
        reader.release(oldest.slice);
        slice = writer.place(bytes(size, i % 251));
      }
      pending.push({ slice, fill: i % 251 });
    }
  });

  it('refuses empty and oversized reports, and sizes that are not a power of two', () => {
    const writer = new RingWriter(createRing(8));
    expect(writer.place(bytes(0, 0))).toBeNull();
    expect(writer.place(bytes(9, 0))).toBeNull();
    expect(() => createRing(12)).toThrow(/power of two/);
  });
});
