// Type declarations for the parts of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number }
  interface Result { latency: Histogram; requests: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number }
  interface Request { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: any, context: any) => any }
  interface Options { url: string; connections?: number; duration?: number; headers?: Record<string, string>; requests?: Request[] }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
