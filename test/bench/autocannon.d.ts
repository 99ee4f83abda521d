// The part of autocannon's programmatic API the sidecar bench uses (the package ships no types).
declare module 'autocannon' {
  export interface Histogram {
    readonly average: number;
    readonly mean: number;
    readonly stddev: number;
    readonly min: number;
    readonly max: number;
    readonly p50: number;
    readonly p90: number;
    readonly p97_5: number;
    readonly p99: number;
    readonly p99_9: number;
    readonly total: number;
  }
  export interface Result {
    readonly requests: Histogram;
    readonly latency: Histogram;
    readonly throughput: Histogram;
    readonly duration: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly mismatches: number;
    readonly [key: `${number}xx`]: number;
  }
  export interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly amount?: number;
    readonly pipelining?: number;
    readonly method?: string;
    readonly headers?: Record<string, string>;
    readonly body?: string | Buffer;
    readonly timeout?: number;
    readonly verifyBody?: (body: string) => boolean;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
