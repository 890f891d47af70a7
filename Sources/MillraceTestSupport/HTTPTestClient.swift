import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Minimal HTTP GET for integration tests against a running binary.
public enum HTTPTestClient {
    public static func get(_ url: String) async throws -> (status: Int, body: Data) {
        guard let target = URL(string: url) else { throw ChildProcessError("bad URL \(url)") }
        var request = URLRequest(url: target)
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    public static func getJSON(_ url: String) async throws -> (status: Int, json: Any) {
        let (status, data) = try await get(url)
        return (status, try JSONSerialization.jsonObject(with: data))
    }
}
