/// Random bytes drawn from a caller-supplied generator.
///
/// Production code passes `SystemRandomNumberGenerator` (the operating system's CSPRNG, `getrandom(2)` on
/// Linux); tests pass a seeded generator so every token and salt is reproducible.
public enum SecureRandom {
    /// `count` bytes from `generator`.
    public static func bytes<G: RandomNumberGenerator>(count: Int, using generator: inout G) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count + 8)
        while result.count < count {
            let word = generator.next()
            withUnsafeBytes(of: word.littleEndian) { result.append(contentsOf: $0) }
        }
        return Array(result.prefix(count))
    }

    /// `count` bytes from the operating system's CSPRNG.
    public static func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return bytes(count: count, using: &generator)
    }
}
