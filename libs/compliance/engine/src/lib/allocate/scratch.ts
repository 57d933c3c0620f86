/**
 * Reusable typed buffers for the engine's internal arrays (credit and piece tables, class ×
 * requirement tables, greedy work arrays). Allocating a dozen typed arrays per evaluation cost more
 * than filling them; this is safe because an evaluation runs synchronously and no scratch buffer
 * escapes it: results handed to the caller are always freshly allocated. Each buffer is owned by one
 * module-level constant, used by one array at a time.
 */
/** Up to this many elements, `get` fills with a loop rather than TypedArray#fill. */
const SMALL = 16;

export class Int32Scratch {
  private buffer = new Int32Array(64);

  /** A buffer of at least `size` elements whose first `size` are set to `fill`. */
  get(size: number, fill = 0): Int32Array {
    const buffer = this.take(size);
    // TypedArray#fill is a builtin call (~25 ns): a plain loop is cheaper for the many small buffers.
    if (size <= SMALL) for (let i = 0; i < size; i++) buffer[i] = fill;
    else buffer.fill(fill, 0, size);
    return buffer;
  }

  /** A buffer of at least `size` elements with unspecified contents: for arrays written before they are read. */
  take(size: number): Int32Array {
    let buffer = this.buffer;
    if (buffer.length < size) {
      buffer = new Int32Array(size * 2);
      this.buffer = buffer;
    }
    return buffer;
  }
}

export class Float64Scratch {
  private buffer = new Float64Array(64);

  get(size: number, fill = 0): Float64Array {
    const buffer = this.take(size);
    if (size <= SMALL) for (let i = 0; i < size; i++) buffer[i] = fill;
    else buffer.fill(fill, 0, size);
    return buffer;
  }

  take(size: number): Float64Array {
    let buffer = this.buffer;
    if (buffer.length < size) {
      buffer = new Float64Array(size * 2);
      this.buffer = buffer;
    }
    return buffer;
  }
}
