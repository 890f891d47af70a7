// Times Millrace's RealFFTPlan (`forward(_:into:scratch:)`, no allocation per call) on real input of each size given on the command line, the way
// fftw_bench.c times FFTW: plan once, then the best of five batches of process CPU time per transform.
// Output: one line per size, "millrace SIZE MICROSECONDS". With --verify it checks the bins against a direct DFT
// instead of timing.
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

/// The largest difference between the plan's bins and a direct DFT at 64 bins spread over the spectrum, relative
/// to √n (the size of a bin of unit-variance noise), so a wrong kernel never gets timed unnoticed.
func verify(_ plan: RealFFTPlan, _ signal: [Double]) throws -> Double {
    let spectrum = try plan.forward(signal)
    let n = signal.count
    var worst = 0.0
    for index in 0..<min(64, plan.binCount) {
        let k = index * (plan.binCount - 1) / max(1, min(63, plan.binCount - 1))
        var re = 0.0, im = 0.0
        for j in 0..<n {
            let angle = -2 * Double.pi * Double((j * k) % n) / Double(n)
            re += signal[j] * cos(angle)
            im += signal[j] * sin(angle)
        }
        worst = max(worst, abs(spectrum.real[k] - re), abs(spectrum.imaginary[k] - im))
    }
    return worst / Double(n).squareRoot()
}

var arguments = Array(CommandLine.arguments.dropFirst())
let verifying = arguments.contains("--verify")
arguments.removeAll { $0 == "--verify" }
let sizes = arguments.compactMap { Int($0) }
var sink = 0.0
for size in sizes {
    let plan = try RealFFTPlan(count: size)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let signal = (0..<size).map { _ -> Double in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    if verifying {
        let error = try verify(plan, signal)
        print("verify \(size) \(error)\(error < 1e-12 ? "" : "  WRONG")")
        continue
    }
    // The allocation-free call, as FFTW's driver also reuses its arrays: output and working memory owned here.
    var spectrum = ComplexSignal(real: [])
    var scratch: [Double] = []
    // Enough transforms per batch for about 0.1 s of work (estimated from one run), at least one.
    let probeStart = cpuSeconds()
    try plan.forward(signal, into: &spectrum, scratch: &scratch)
    sink += spectrum.real[1]
    let probe = max(cpuSeconds() - probeStart, 1e-7)
    let repetitions = max(1, Int(0.1 / probe))
    var best = Double.infinity
    for _ in 0..<5 {
        let start = cpuSeconds()
        for _ in 0..<repetitions {
            try plan.forward(signal, into: &spectrum, scratch: &scratch)
            sink += spectrum.real[1]
        }
        best = min(best, (cpuSeconds() - start) / Double(repetitions))
    }
    print("millrace \(size) \((best * 1e6 * 100).rounded() / 100)")
}
if sink.isNaN { print("") }  // Keeps the transforms from being optimised away.
