/**
 * A first-seen index of integer keys (0 < key < 2^52) to an integer value, in two typed arrays
 * with open addressing: for a key per row of a large table, where a Map would box each key and
 * rehash its way up (DUPLICATE_ROW over 200 000 rows).
 */
export class NumberIndex {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  private count = 0;

  /** The value stored for `key`, else stores `value` for it and returns undefined. */
  getOrSet(key: number, value: number): number | undefined {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const slot = this.slotOf(this.keys, key);
    if (this.keys[slot] === key) return this.values[slot];
    this.keys[slot] = key;
    this.values[slot] = value;
    this.count++;
    return undefined;
  }

  /** The slot holding `key`, else the empty one (0) where it goes. */
  private slotOf(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    const lo = key % 0x2000000;
    const hi = (key - lo) / 0x2000000;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(keys.length);
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k === 0) continue;
      const slot = this.slotOf(keys, k);
      keys[slot] = k;
      values[slot] = this.values[i];
    }
    this.keys = keys;
    this.values = values;
  }
}
