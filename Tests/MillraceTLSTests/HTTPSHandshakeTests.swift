import Foundation
import Hummingbird
import HummingbirdTLS
import HummingbirdTesting
import MillraceCore
import MillraceTLS
import MillraceTestSupport
import Testing

/// A Hummingbird app served with `TLSMaterial.serverConfiguration()`, checked by Python's `ssl` module:
/// a verified TLS 1.2+ handshake against the generated certificate, and TLS 1.1 refused by the server.
@Suite struct HTTPSHandshakeTests {
    static let python = ProcessInfo.processInfo.environment["MILLRACE_TEST_PYTHON"]

    static let script = #"""
        import http.client, socket, ssl, sys
        port, ca = int(sys.argv[1]), sys.argv[2]
        for host in ("127.0.0.1", "localhost"):
            context = ssl.create_default_context(cafile=ca)
            connection = http.client.HTTPSConnection(host, port, context=context)
            connection.request("GET", "/healthz")
            version = connection.sock.version()
            response = connection.getresponse()
            print("verified", host, response.status, response.read().decode(), version)
            connection.close()
        # A client that offers only TLS 1.0 and 1.1 (security level 0 so this OpenSSL may still offer them):
        # the server must answer with a protocol_version alert.
        old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        old.load_verify_locations(ca)
        old.set_ciphers("DEFAULT:@SECLEVEL=0")
        old.minimum_version = ssl.TLSVersion.TLSv1
        old.maximum_version = ssl.TLSVersion.TLSv1_1
        try:
            with old.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="127.0.0.1") as s:
                print("tls1.1 accepted", s.version())
        except ssl.SSLError as error:
            print("tls1.1 refused", error.reason)
        """#

    @Test(.enabled(if: python != nil, "needs MILLRACE_TEST_PYTHON"))
    func aRealClientCompletesATLS12PlusHandshakeAndTLS11IsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let material = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, hostNames: ["localhost"], now: SystemWallClock().now())
        let router = Router()
        router.get("/healthz") { _, _ in "ok" }
        let app = Application(
            router: router, server: try .tls(.http1(), tlsConfiguration: try material.serverConfiguration()),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let scriptPath = try directory.write("client.py", Self.script)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let result = try await ChildProcess.run(try #require(Self.python), [scriptPath, String(port), material.certificatePath])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3, "\(result.stdout) \(result.stderr)")
            for (index, host) in ["127.0.0.1", "localhost"].enumerated() where index < lines.count {
                #expect(lines[index].hasPrefix("verified \(host) 200 ok TLSv1."), "\(lines[index])")
                #expect(lines[index].hasSuffix("TLSv1.2") || lines[index].hasSuffix("TLSv1.3"))
            }
            #expect(lines.last == "tls1.1 refused TLSV1_ALERT_PROTOCOL_VERSION", "\(result.stdout)")
        }
    }
}
