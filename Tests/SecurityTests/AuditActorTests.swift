import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("AuditActor")
struct AuditActorTests {
    @Test func actorFromPrincipal() {
        let token = Principal(kind: .apiToken, id: "mes/a1b2", bindings: [], permissionLimit: [.readData])
        let actor = AuditActor(token, sourceAddress: "10.1.2.3")
        #expect(actor == AuditActor(kind: .apiToken, id: "mes/a1b2", sourceAddress: "10.1.2.3"))
        #expect(actor.description == "apiToken 'mes/a1b2' from 10.1.2.3")
        var generator = SeededGenerator(seed: 5)
        let edge = ServiceAccount.create(name: "edge-1", bindings: [], now: .epoch, using: &generator).account
        #expect(AuditActor(edge.principal).kind == .serviceAccount)
        #expect(AuditActor(.user("alice")) == AuditActor(kind: .user, id: "alice"))
    }
}
