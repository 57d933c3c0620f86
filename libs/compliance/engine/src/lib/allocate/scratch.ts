/**
 * Reusable typed buffers for the allocation's internal arrays (class × requirement tables, greedy
 * work arrays). Allocating a dozen typed arrays per evaluation cost more than filling them; this is
 * safe because an allocation runs synchronously and no scratch buffer escapes it: results handed to
 * the caller are always freshly allocated. Each name must be used by one array at a time.
 */
const int32 = new Map<string, Int32Array>();
const float64 = new Map<string, Float64Array>();

/** A buffer of at least `size` elements whose first `size` are set to `fill`. */
export function scratchInt32(name: string, size: number, fill = 0): Int32Array {
  let buffer = int32.get(name);
  if (!buffer || buffer.length < size) {
    buffer = new Int32Array(Math.max(64, size * 2));
    int32.set(name, buffer);
  }
  buffer.fill(fill, 0, size);
  return buffer;
}

export function scratchFloat64(name: string, size: number, fill = 0): Float64Array {
  let buffer = float64.get(name);
  if (!buffer || buffer.length < size) {
    buffer = new Float64Array(Math.max(64, size * 2));
    float64.set(name, buffer);
  }
  buffer.fill(fill, 0, size);
  return buffer;
}
