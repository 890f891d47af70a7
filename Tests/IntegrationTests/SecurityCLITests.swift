import Foundation
import MillraceTestSupport
import Testing

/// `millrace user|token|audit` on the real binary, as an admin would run them on the server.
@Suite(.serialized) struct SecurityCLITests {
    static let password = "correct horse battery staple"

    /// Runs millrace with `input` on standard input (ChildProcess gives the null device).
    func millrace(_ arguments: [String], input: String = "") async throws -> (status: Int32, stdout: String, stderr: String) {
        try await ChildProcess.runMillrace(arguments, input: input)
    }

    @Test func userAddListAndTokenCreateRecordEveryChangeInAVerifiableAuditTrail() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = ["--data-dir", directory.file("data")]

        let weak = try await millrace(["user", "add", "admin", "--role", "admin", "--password-stdin"] + data, input: "password123\n")
        #expect(weak.status == 1)
        #expect(weak.stderr.contains("error:"), "\(weak.stderr)")
        #expect(weak.stderr.contains("12"), "the policy's message names the minimum length: \(weak.stderr)")

        let admin = try await millrace(["user", "add", "admin", "--role", "admin", "--password-stdin"] + data, input: Self.password + "\n")
        #expect(admin.status == 0, "\(admin.stderr)")
        #expect(admin.stdout == "added admin: admin on all assets\n")
        let contractor = try await millrace(
            ["user", "add", "contractor", "--role", "operator", "--scope", "dayton/packaging/line-2", "--password-stdin"] + data,
            input: "a different long passphrase\n")
        #expect(contractor.status == 0, "\(contractor.stderr)")
        let duplicate = try await millrace(["user", "add", "ADMIN", "--role", "viewer", "--password-stdin"] + data, input: Self.password + "\n")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("exists"))
        let noTerminal = try await millrace(["user", "add", "x", "--role", "viewer"] + data)
        #expect(noTerminal.status == 1)
        #expect(noTerminal.stderr.contains("--password-stdin"))

        let list = try await millrace(["user", "list"] + data)
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("admin") && rows[1].hasSuffix("admin on all assets"))
        #expect(rows[2].hasPrefix("contractor") && rows[2].hasSuffix("operator on dayton/packaging/line-2"))

        let token = try await millrace(["token", "create", "--user", "contractor", "--scope", "readData", "--expires", "90d", "--name", "mes"] + data)
        #expect(token.status == 0, "\(token.stderr)")
        let printed = token.stdout.trimmingCharacters(in: .newlines)
        #expect(printed.hasPrefix("mr_api_") && printed.count == 50)
        #expect(token.stderr.contains("not shown again"))
        let database = try Data(contentsOf: URL(fileURLWithPath: directory.file("data/security.sqlite")))
        #expect(database.range(of: Data(printed.utf8)) == nil, "the token itself is never stored")
        let badExpiry = try await millrace(["token", "create", "--user", "contractor", "--scope", "readData", "--expires", "2y"] + data)
        #expect(badExpiry.status != 0)

        let listed = try await millrace(["token", "list"] + data)
        #expect(listed.status == 0)
        let row = try #require(listed.stdout.split(separator: "\n").dropFirst().first.map(String.init))
        #expect(row.contains("contractor") && row.contains("active") && row.hasSuffix("readData  mes"), "\(row)")
        #expect(!listed.stdout.contains("mr_api_"))
        let id = String(row.prefix(12))
        let revoked = try await millrace(["token", "revoke", id] + data)
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(try await millrace(["token", "list"] + data).stdout.contains("revoked"))
        #expect(try await millrace(["token", "revoke", "0123456789ab"] + data).status == 1)

        let verify = try await millrace(["audit", "verify"] + data)
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        #expect(verify.stdout.contains("audit trail intact: 6 records"))
        let anchor = try #require(verify.stdout.split(separator: "\n").first { $0.hasPrefix("anchor: ") }).dropFirst("anchor: ".count)
        #expect(anchor.hasPrefix("5:"))
        let anchored = try await millrace(["audit", "verify", "--anchor", String(anchor)] + data)
        #expect(anchored.status == 0)
    }

    @Test func auditVerifyFindsAModifiedRecordAndACutOffTail() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = ["--data-dir", directory.file("data")]
        for name in ["alice", "bob", "carol"] {
            let added = try await millrace(["user", "add", name, "--role", "viewer", "--password-stdin"] + data, input: Self.password + "\n")
            #expect(added.status == 0, "\(added.stderr)")
        }
        let verify = try await millrace(["audit", "verify"] + data)
        let anchor = String(try #require(verify.stdout.split(separator: "\n").first { $0.hasPrefix("anchor: ") }).dropFirst("anchor: ".count))
        let log = directory.file("data/audit.log")
        let original = try String(contentsOfFile: log, encoding: .utf8)

        // Someone promotes bob to admin in the log to cover their tracks.
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[3].contains("\"viewer@*\""))
        lines[3] = lines[3].replacingOccurrences(of: "\"viewer@*\"", with: "\"admin@*\"")
        try lines.joined(separator: "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let modified = try await millrace(["audit", "verify"] + data)
        #expect(modified.status == 1)
        #expect(modified.stdout.contains("BROKEN"))
        #expect(modified.stdout.contains("record 4: contents do not match its hash"), "\(modified.stdout)")

        // The last two records removed: the chain alone holds, the anchor catches it.
        let kept = original.split(separator: "\n").dropLast(2).map { $0 + "\n" }.joined()
        try kept.write(toFile: log, atomically: true, encoding: .utf8)
        #expect(try await millrace(["audit", "verify"] + data).status == 0)
        let truncated = try await millrace(["audit", "verify", "--anchor", anchor] + data)
        #expect(truncated.status == 1)
        #expect(truncated.stdout.contains("records removed from the end"), "\(truncated.stdout)")

        let badAnchor = try await millrace(["audit", "verify", "--anchor", "nonsense"] + data)
        #expect(badAnchor.status == 64)  // a usage error
        #expect(badAnchor.stderr.contains("SEQ:HASH"))
        let missing = try await millrace(["audit", "verify", "--data-dir", directory.file("nowhere")])
        #expect(missing.status == 2)
    }
}
