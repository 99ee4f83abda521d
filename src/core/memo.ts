/**
 * The one cache of the core: a Map with a maximum size. When full, the oldest entry goes (first in,
 * first out: a lookup stays a plain Map.get on the hot path). Every cache over input uses it, so that no
 * input — 100,000 spellings of a zone, a year of distinct instants — can grow memory past the bounds set
 * here; `memoSizes()` reports each cache's size against its bound (test/hostile/memory.test.ts).
 */

export interface Memo<K, V> {
  readonly name: string;
  readonly max: number;
  readonly size: number;
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  /** The cached value, or `compute(key)` stored and returned. */
  through(key: K, compute: (key: K) => V): V;
  clear(): void;
  values(): IterableIterator<V>;
}

interface Registered {
  readonly name: string;
  readonly max: number;
  readonly size: () => number;
}

const registry: Registered[] = [];

/** Registers a cache made of several memos (a memo of memos) under one name, with its total bound. */
export function registerCache(name: string, max: number, size: () => number): void {
  if (registry.length < 256) registry.push({ name, max, size });
}

/**
 * A bounded cache. `max` must be a positive integer. A module-level cache is registered under `name`
 * for `memoSizes()`; a memo nested in another is not (`register: false`): its parent reports it.
 */
export function boundedMemo<K, V>(name: string, max: number, options: { readonly register?: boolean } = {}): Memo<K, V> {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`memo ${name}: max must be a positive integer, got ${max}`);
  const map = new Map<K, V>();
  const set = (key: K, value: V): void => {
    if (!map.has(key) && map.size >= max) {
      const oldest = map.keys().next();
      if (oldest.done !== true) map.delete(oldest.value);
    }
    map.set(key, value);
  };
  const memo: Memo<K, V> = {
    name,
    max,
    get size() {
      return map.size;
    },
    get: (key) => map.get(key),
    set,
    through: (key, compute) => {
      let value = map.get(key);
      if (value === undefined && !map.has(key)) {
        value = compute(key);
        set(key, value);
      }
      return value as V;
    },
    clear: () => map.clear(),
    values: () => map.values(),
  };
  if (options.register !== false) registerCache(name, max, () => map.size);
  return memo;
}

/** Each registered cache's name, current size and bound. Nested caches report the sum of their entries. */
export function memoSizes(): { name: string; size: number; max: number }[] {
  return registry.map((m) => ({ name: m.name, size: m.size(), max: m.max }));
}
