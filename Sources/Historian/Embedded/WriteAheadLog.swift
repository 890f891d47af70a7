import HistorianCore
import MillraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The historian's write-ahead log file: appended batches are on disk before `append` returns, so an
/// acknowledged write survives `kill -9` (the bytes are in the kernel's page cache) and, with `.full`, a power
/// loss (the file is `fdatasync`ed). Not thread-safe: owned by the store's actor.
final class WriteAheadLog {
    let path: String
    let sync: HistorianSyncPolicy
    private var descriptor: Int32
    private(set) var size: Int

    init(path: String, sync: HistorianSyncPolicy) throws(HistorianError) {
        self.path = path
        self.sync = sync
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HistorianError(.storage, "cannot open the write-ahead log \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        fstat(descriptor, &info)
        size = Int(info.st_size)
    }

    deinit {
        if descriptor >= 0 { closeDescriptor(descriptor) }
    }

    /// The whole file.
    func readAll() throws(HistorianError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + offset, size - offset, off_t(offset))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw HistorianError(.storage, "cannot read the write-ahead log \(path): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
        return bytes
    }

    /// Appends bytes at the end and makes them durable under the sync policy.
    func append(_ bytes: [UInt8]) throws(HistorianError) {
        try write(bytes, at: size)
        size += bytes.count
        if sync == .full { try flush() }
    }

    /// Cuts the file to `length` bytes (dropping a torn tail) and makes that durable.
    func truncate(to length: Int) throws(HistorianError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            throw HistorianError(.storage, "cannot truncate the write-ahead log \(path): \(String(cString: strerror(errno)))")
        }
        size = length
        try flush()
    }

    /// Empties the log after a checkpoint: only the file header remains.
    func reset() throws(HistorianError) {
        try truncate(to: 0)
        try append(WALFormat.fileHeader)
        try flush()
    }

    func flush() throws(HistorianError) {
        guard fdatasync(descriptor) == 0 else {
            throw HistorianError(.storage, "cannot sync the write-ahead log \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func write(_ bytes: [UInt8], at offset: Int) throws(HistorianError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + written, bytes.count - written, off_t(offset + written))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw HistorianError(.storage, "cannot write the write-ahead log \(path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }

    func close() {
        if descriptor >= 0 {
            closeDescriptor(descriptor)
            descriptor = -1
        }
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
}
