import Foundation
import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("AuditLogFile")
struct AuditLogFileTests {
    func temporaryPath() throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (directory, directory.appendingPathComponent("audit.jsonl").path)
    }

    func writeSampleLog(at path: String) async throws -> [AuditRecord] {
        let log = try AuditLogFile(path: path)
        var records: [AuditRecord] = []
        for event in AuditChainTests.sampleEvents() { records.append(try await log.append(event)) }
        return records
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func write(_ lines: [String], to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func appendReopenAndContinue() async throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = try await writeSampleLog(at: path)
        #expect(try lines(path).count == 10)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let reopened = try AuditLogFile(path: path)
        #expect(await reopened.head == AuditChainVerifier.Anchor(sequence: 9, hash: records[9].hash))
        let next = try await reopened.append(
            AuditEvent(time: AuditChainTests.start + .seconds(900), actor: .system, action: .loggedOut))
        #expect(next.sequence == 10 && next.previousHash == records[9].hash)
        #expect(try AuditLogFile.verify(path: path).result == .intact(count: 11, headHash: next.hash))
    }

    @Test func missingFileIsAnEmptyIntactLog() throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try AuditLogFile.verify(path: path).result == .intact(count: 0, headHash: AuditRecord.genesisHash))
    }

    @Test func editedValueInTheFileIsDetected() async throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await writeSampleLog(at: path)
        var content = try lines(path)
        content[3] = content[3].replacingOccurrences(of: #""value":"1450""#, with: #""value":"1460""#)
        try write(content, to: path)
        #expect(
            try AuditLogFile.verify(path: path).result == .broken(AuditChainBreak(position: 3, kind: .contentModified)))
        // A tampered log is not appended to.
        let error = #expect(throws: SecurityError.self) { try AuditLogFile(path: path) }
        #expect(error?.code == .auditLogIO)
    }

    @Test func deletedLineIsDetected() async throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await writeSampleLog(at: path)
        var content = try lines(path)
        content.remove(at: 2)
        try write(content, to: path)
        #expect(
            try AuditLogFile.verify(path: path).result
                == .broken(AuditChainBreak(position: 2, kind: .sequenceMismatch(expected: 2, found: 3))))
    }

    @Test func swappedLinesAreDetected() async throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await writeSampleLog(at: path)
        var content = try lines(path)
        content.swapAt(0, 1)
        try write(content, to: path)
        #expect(!(try AuditLogFile.verify(path: path).result.isIntact))
    }

    @Test func garbageAndTornLinesAreReportedWithTheirPosition() async throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await writeSampleLog(at: path)
        var content = try lines(path)
        content[5] = "{not json"
        try write(content, to: path)
        guard case .broken(let failure) = try AuditLogFile.verify(path: path).result, case .malformed = failure.kind
        else {
            Issue.record("garbage not reported")
            return
        }
        #expect(failure.position == 5)

        // A torn final write (no trailing newline).
        let intact = try lines(path).prefix(5).joined(separator: "\n") + "\n" + #"{"action":{"type":"#
        try intact.write(toFile: path, atomically: true, encoding: .utf8)
        guard case .broken(let torn) = try AuditLogFile.verify(path: path).result else {
            Issue.record("torn write not reported")
            return
        }
        #expect(torn.position == 5)
        #expect(torn.description.contains("torn write"))
    }
}
