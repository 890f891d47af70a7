/// Small numeric helpers shared by the spectra and features.
enum Statistics {
    static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        // A plain sum: for waveforms up to millions of samples its relative error stays far below sensor accuracy.
        var sum = 0.0
        for x in values { sum += x }
        return sum / Double(values.count)
    }

    static func subtractMean(_ values: inout [Double]) {
        let m = mean(values)
        values.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] -= m }
        }
    }
}
