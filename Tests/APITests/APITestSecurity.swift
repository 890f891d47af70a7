import API
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MillraceCore
import MillraceSecurity
import MillraceTestSupport
import NIOCore
import SecurityStore

/// Every API route needs a credential (ADR 0015). Tests get a security service with an administrator `admin`
/// and an API token acting for it, and a client that sends the token unless a request brings its own
/// `Authorization` (the tests of authentication itself send none or others).
enum APITestSecurity {
    static let password = "correct horse battery staple"
    static let system = AuditActor(kind: .system, id: "test")

    /// A security service over an in-memory store (PBKDF2 at 1,000 iterations to stay fast), its audit log in
    /// `directory`, with `admin` and a token for it.
    static func make(clock: any WallClock, directory: TemporaryDirectory) async throws -> (service: SecurityService, token: String) {
        let service = try SecurityService(
            store: try SecurityStore(), secretBox: try SecretBox(key: [UInt8](repeating: 7, count: 32)),
            audit: try AuditLogFile(path: directory.file("audit.log")), clock: clock,
            configuration: SecurityServiceConfiguration(mfaPolicy: MFAPolicy(requiredFromRole: nil), passwordIterations: 1_000),
            random: SplitMix64(seed: 11))
        try await service.createUser(name: "admin", password: password, bindings: [RoleBinding(role: .admin)], by: system)
        let token = try await token(service, owner: "admin")
        return (service, token)
    }

    /// An API token for `owner` with all the owner's permissions, valid for 30 days of the service's clock.
    static func token(_ service: SecurityService, owner: String) async throws -> String {
        try await service.createAPIToken(
            owner: owner, name: "tests", scopes: Set(Permission.allCases), lifetime: .seconds(30 * 24 * 3600), by: system
        ).token.text
    }
}

/// A test client that authenticates every request with a bearer token.
struct AuthorizedClient: TestClientProtocol {
    let base: any TestClientProtocol
    let token: String

    init(_ base: any TestClientProtocol, token: String) {
        self.base = base
        self.token = token
    }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if headers[.authorization] == nil { headers[.authorization] = "Bearer \(token)" }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    var port: Int? { base.port }
}
