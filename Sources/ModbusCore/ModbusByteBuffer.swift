/// A growable byte buffer with a reader index, the input of the stream decoders.
///
/// Bytes are appended at the end as they arrive; decoders look at the readable bytes from `readerIndex`
/// and move the index past what they consumed. `discardReadBytes()` drops consumed bytes to bound memory.
/// It is a small stand-in for NIO's `ByteBuffer`, so that `ModbusCore` stays free of dependencies.
public struct ModbusByteBuffer: Hashable, Sendable {
    /// All bytes held, including those already read.
    public private(set) var storage: [UInt8]
    /// The index of the first unread byte in `storage`.
    public private(set) var readerIndex: Int

    /// A buffer holding `bytes`, none read yet.
    public init(_ bytes: some Sequence<UInt8> = [UInt8]()) {
        self.storage = Array(bytes)
        self.readerIndex = 0
    }

    /// The number of bytes not yet read.
    public var readableBytes: Int { storage.count - readerIndex }

    /// The unread bytes, indexed from `readerIndex`.
    public var readableBytesView: ArraySlice<UInt8> { storage[readerIndex...] }

    /// Appends bytes at the end.
    public mutating func writeBytes(_ bytes: some Sequence<UInt8>) {
        storage.append(contentsOf: bytes)
    }

    /// The byte `offset` bytes after the reader index, or nil beyond the readable bytes.
    public func peekUInt8(at offset: Int) -> UInt8? {
        guard offset >= 0, offset < readableBytes else { return nil }
        return storage[readerIndex + offset]
    }

    /// The big-endian 16-bit value `offset` bytes after the reader index, or nil beyond the readable bytes.
    public func peekUInt16(at offset: Int) -> UInt16? {
        guard let high = peekUInt8(at: offset), let low = peekUInt8(at: offset + 1) else { return nil }
        return UInt16(high) << 8 | UInt16(low)
    }

    /// Reads `length` bytes and moves the reader index past them, or returns nil (moving nothing) if fewer are readable.
    public mutating func readBytes(length: Int) -> ArraySlice<UInt8>? {
        guard length >= 0, length <= readableBytes else { return nil }
        let slice = storage[readerIndex..<(readerIndex + length)]
        readerIndex += length
        return slice
    }

    /// Moves the reader index forward, at most to the end of the buffer.
    public mutating func moveReaderIndex(forwardBy count: Int) {
        readerIndex += min(max(0, count), readableBytes)
    }

    /// Drops the bytes already read, so the reader index becomes 0.
    public mutating func discardReadBytes() {
        guard readerIndex > 0 else { return }
        storage.removeFirst(readerIndex)
        readerIndex = 0
    }
}
