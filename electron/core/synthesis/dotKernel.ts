// Dot products in WebAssembly SIMD (f32x4). Every clustering hot loop is "row · centroid";
// in plain JS on the target 2-core machines that is ~450-750 ns per 384-dim product, in this
// kernel ~75-100 ns, which is what brings 10k quotes under the 2 s budget (see
// scripts/bench/clustering.ts). The module is ~300 bytes, assembled below from named opcodes
// so it can be read; the WAT is:
//
//   (func $dot (param $a i32) (param $b i32) (param $dim i32) (result f32)
//     ;; four f32x4 accumulators over 16-float chunks, then a fixed-order horizontal sum
//     ...)
//   (func $scan (param $a i32) (param $b i32) (param $count i32) (param $stride i32) (param $out i32)
//     ;; for j < count: f32[out + 4j] = $dot(a, b + 4·stride·j, stride)
//     ...)
//
// Arithmetic is IEEE f32 without fused multiply-add, in a fixed order: results are
// bit-identical from run to run and machine to machine.

const leb = (value: number): number[] => {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
};
const sleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const name = (s: string): number[] => [...leb(s.length), ...[...s].map((ch) => ch.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];

const T = { i32: 0x7f, f32: 0x7d, v128: 0x7b, func: 0x60 } as const;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  call: (fn: number) => [0x10, fn],
  get: (local: number) => [0x20, local],
  set: (local: number) => [0x21, local],
  tee: (local: number) => [0x22, local],
  f32Store: [0x38, 2, 0], // align 2^2, offset 0
  i32Const: (v: number) => [0x41, ...sleb(v)],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Shl: [0x74],
  f32Add: [0x92],
  v128Load: (offset: number) => [0xfd, ...leb(0x00), 4, ...leb(offset)], // align 2^4
  f32x4ExtractLane: (lane: number) => [0xfd, ...leb(0x1f), lane],
  f32x4Add: [0xfd, ...leb(0xe4)],
  f32x4Mul: [0xfd, ...leb(0xe6)],
};

// dot(a, b, dim): locals 3 = end (i32), 4..7 = accumulators (v128). `dim` is a multiple of 16.
const accumulate = (acc: number, offset: number): number[] => [
  ...op.get(acc),
  ...op.get(0), ...op.v128Load(offset),
  ...op.get(1), ...op.v128Load(offset),
  ...op.f32x4Mul, ...op.f32x4Add, ...op.set(acc),
];
const dotBody = [
  ...vec([[1, T.i32], [4, T.v128]]),
  ...op.get(0), ...op.get(2), ...op.i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.set(3),
  ...op.block, ...op.loop,
  ...op.get(0), ...op.get(3), ...op.i32GeU, ...op.brIf(1),
  ...accumulate(4, 0), ...accumulate(5, 16), ...accumulate(6, 32), ...accumulate(7, 48),
  ...op.get(0), ...op.i32Const(64), ...op.i32Add, ...op.set(0),
  ...op.get(1), ...op.i32Const(64), ...op.i32Add, ...op.set(1),
  ...op.br(0), ...op.end, ...op.end,
  ...op.get(4), ...op.get(5), ...op.f32x4Add, ...op.get(6), ...op.get(7), ...op.f32x4Add, ...op.f32x4Add, ...op.tee(4),
  ...op.f32x4ExtractLane(0),
  ...op.get(4), ...op.f32x4ExtractLane(1), ...op.f32Add,
  ...op.get(4), ...op.f32x4ExtractLane(2), ...op.f32Add,
  ...op.get(4), ...op.f32x4ExtractLane(3), ...op.f32Add,
  ...op.end,
];

// scan(a, b, count, stride, out): locals 5 = stride in bytes, 6 = end of out.
const scanBody = [
  ...vec([[2, T.i32]]),
  ...op.get(3), ...op.i32Const(2), ...op.i32Shl, ...op.set(5),
  ...op.get(4), ...op.get(2), ...op.i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.set(6),
  ...op.block, ...op.loop,
  ...op.get(4), ...op.get(6), ...op.i32GeU, ...op.brIf(1),
  ...op.get(4), ...op.get(0), ...op.get(1), ...op.get(3), ...op.call(0), ...op.f32Store,
  ...op.get(1), ...op.get(5), ...op.i32Add, ...op.set(1),
  ...op.get(4), ...op.i32Const(4), ...op.i32Add, ...op.set(4),
  ...op.br(0), ...op.end, ...op.end,
  ...op.end,
];

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  ...section(1, vec([
    [T.func, ...vec([[T.i32], [T.i32], [T.i32]]), ...vec([[T.f32]])],
    [T.func, ...vec([[T.i32], [T.i32], [T.i32], [T.i32], [T.i32]]), ...vec([])],
  ])),
  ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])), // memory, min 1 page
  ...section(3, vec([[0], [1]])),
  ...section(7, vec([[...name('dot'), 0x00, 0], [...name('scan'), 0x00, 1]])),
  ...section(10, vec([[...leb(dotBody.length), ...dotBody], [...leb(scanBody.length), ...scanBody]])),
]);

let compiled: WebAssembly.Module | null = null;

/** Floats per stored row: the dimension rounded up to the 16-float SIMD chunk, zero-padded. */
export const strideFor = (dim: number): number => Math.ceil(dim / 16) * 16;

export interface DotWorkspace {
  /** The whole workspace; lay rows out at multiples of `stride`. Padding floats must stay 0. */
  readonly view: Float32Array;
  readonly stride: number;
  /** view[a..a+stride) · view[b..b+stride), offsets in floats. */
  dot(a: number, b: number): number;
  /** view[out + j] = dot(a, b + j·stride) for j < count. */
  scan(a: number, b: number, count: number, out: number): void;
}

/** A zeroed workspace of at least `floats` floats for rows of `dim` dimensions. */
export function createDotWorkspace(floats: number, dim: number): DotWorkspace {
  compiled ??= new WebAssembly.Module(MODULE_BYTES);
  const bytes = floats * 4;
  if (bytes > 2 ** 31) throw new Error(`dot workspace of ${bytes} bytes exceeds the 2 GiB limit`);
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  const exports = new WebAssembly.Instance(compiled, { env: { memory } }).exports as {
    dot: (a: number, b: number, dim: number) => number;
    scan: (a: number, b: number, count: number, stride: number, out: number) => void;
  };
  const stride = strideFor(dim);
  return {
    view: new Float32Array(memory.buffer, 0, floats),
    stride,
    dot: (a, b) => exports.dot(a * 4, b * 4, stride),
    scan: (a, b, count, out) => exports.scan(a * 4, b * 4, count, stride, out * 4),
  };
}

/** Copies matrix rows into `workspace.view` from float offset `at`, one padded row per stride. */
export function copyRows(workspace: DotWorkspace, data: Float32Array, n: number, dim: number, at: number): void {
  const { view, stride } = workspace;
  if (stride === dim) {
    view.set(data.subarray(0, n * dim), at);
    return;
  }
  for (let i = 0; i < n; i++) view.set(data.subarray(i * dim, (i + 1) * dim), at + i * stride);
}
