/**
 * The one cache of the core: a bounded Map in two generations. New entries go into the young generation;
 * when it is full, it becomes the old one and the previous old one is dropped whole, and an entry found
 * only in the old generation is copied back into the young one. A lookup stays one or two plain
 * Map.get calls, and eviction never deletes entries one by one (a Map that deletes its oldest key on
 * every insert walks over the deleted slots at each `keys().next()`, which made a cache of distinct
 * instants cost more than the audit's rules). Every cache over input uses it, so that no input — 100,000
 * spellings of a zone, a year of distinct instants — can grow memory past the bounds set here;
 * `memoSizes()` reports each cache's size against its bound (test/hostile/memory.test.ts).
 */

export interface Memo<K, V> {
  readonly name: string;
  readonly max: number;
  readonly size: number;
  get(key: K): V | undefined;
  /** The cached value, or undefined, without storing or refreshing anything (for keys that rarely repeat). */
  peek(key: K): V | undefined;
  set(key: K, value: V): void;
  /** The cached value, or `compute(key)` stored and returned. */
  through(key: K, compute: (key: K) => V): V;
  clear(): void;
  /** Every value held, each key once. */
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
  // Each generation holds at most `generation` entries, so the two together hold at most `max`.
  const generation = Math.max(1, Math.floor(max / 2));
  let young = new Map<K, V>();
  let old = new Map<K, V>();
  const set = (key: K, value: V): void => {
    if (young.size >= generation && !young.has(key)) {
      old = max >= 2 ? young : new Map<K, V>();
      young = new Map<K, V>();
    }
    young.set(key, value);
  };
  const lookup = (key: K): { found: boolean; value: V | undefined } => {
    const value = young.get(key);
    if (value !== undefined || young.has(key)) return { found: true, value };
    if (!old.has(key)) return { found: false, value: undefined };
    const kept = old.get(key) as V;
    set(key, kept);
    return { found: true, value: kept };
  };
  const memo: Memo<K, V> = {
    name,
    max,
    get size() {
      return young.size + old.size;
    },
    get: (key) => {
      const value = young.get(key);
      return value !== undefined ? value : lookup(key).value;
    },
    peek: (key) => {
      const value = young.get(key);
      return value !== undefined ? value : old.get(key);
    },
    set,
    through: (key, compute) => {
      const value = young.get(key);
      if (value !== undefined) return value;
      const found = lookup(key);
      if (found.found) return found.value as V;
      const computed = compute(key);
      set(key, computed);
      return computed;
    },
    clear: () => {
      young.clear();
      old.clear();
    },
    values: function* () {
      yield* young.values();
      for (const [key, value] of old) if (!young.has(key)) yield value;
    },
  };
  if (options.register !== false) registerCache(name, max, () => young.size + old.size);
  return memo;
}

/** Each registered cache's name, current size and bound. Nested caches report the sum of their entries. */
export function memoSizes(): { name: string; size: number; max: number }[] {
  return registry.map((m) => ({ name: m.name, size: m.size(), max: m.max }));
}
