// Times Millrace's RealFFTPlan on real input of each size given on the command line, the way
// fftw_bench.c times FFTW: plan once, then the best of five batches of process CPU time per transform.
// Output: one line per size, "millrace SIZE MICROSECONDS".
import Analytics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
var sink = 0.0
for size in sizes {
    let plan = try RealFFTPlan(count: size)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let signal = (0..<size).map { _ -> Double in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    // Enough transforms per batch for about 0.1 s of work (estimated from one run), at least one.
    let probeStart = cpuSeconds()
    sink += try plan.forward(signal).real[1]
    let probe = max(cpuSeconds() - probeStart, 1e-7)
    let repetitions = max(1, Int(0.1 / probe))
    var best = Double.infinity
    for _ in 0..<5 {
        let start = cpuSeconds()
        for _ in 0..<repetitions { sink += try plan.forward(signal).real[1] }
        best = min(best, (cpuSeconds() - start) / Double(repetitions))
    }
    print("millrace \(size) \((best * 1e6 * 100).rounded() / 100)")
}
if sink.isNaN { print("") }  // Keeps the transforms from being optimised away.
