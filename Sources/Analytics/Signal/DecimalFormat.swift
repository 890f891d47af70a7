/// Fixed-point formatting for explanations ("4.10 mm/s") without Foundation.
enum DecimalFormat {
    static func string(_ value: Double, places: Int = 2) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int64(scaled)
        let divisor = Int64(scale)
        let integerPart = whole / divisor
        var fraction = String(whole % divisor)
        while fraction.count < places { fraction = "0" + fraction }
        let sign = value < 0 && whole != 0 ? "-" : ""
        return places > 0 ? "\(sign)\(integerPart).\(fraction)" : "\(sign)\(integerPart)"
    }

    /// Whole numbers without a decimal point ("1000"), others as Swift prints them ("2.5").
    static func compact(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
