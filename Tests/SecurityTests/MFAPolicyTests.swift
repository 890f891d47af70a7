import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("MFAPolicy")
struct MFAPolicyTests {
    let dayton = try! AssetPath("dayton")
    let daytonLine2 = try! AssetPath("dayton/packaging/line-2")
    let toledoLine1 = try! AssetPath("toledo/assembly/line-1")

    @Test func globalPolicyCoversEveryone() {
        let policy = MFAPolicy(requiredForEveryone: true)
        #expect(policy.isRequired(for: [RoleBinding(role: .viewer, scope: toledoLine1)]))
        #expect(policy.isRequired(for: []))
    }

    @Test func perSitePolicy() {
        let policy = MFAPolicy(requiredScopes: [dayton], requiredFromRole: nil)
        #expect(policy.isRequired(for: [RoleBinding(role: .operator, scope: daytonLine2)]))
        #expect(!policy.isRequired(for: [RoleBinding(role: .engineer, scope: toledoLine1)]))
        #expect(policy.isRequired(for: [RoleBinding(role: .viewer)]))  // unscoped includes dayton
        #expect(!MFAPolicy(requiredFromRole: nil).isRequired(for: [RoleBinding(role: .viewer)]))
    }

    @Test func adminsAlwaysByDefault() {
        let policy = MFAPolicy()
        #expect(policy.isRequired(for: [RoleBinding(role: .admin, scope: toledoLine1)]))
        #expect(!policy.isRequired(for: [RoleBinding(role: .engineer, scope: toledoLine1)]))
    }
}
