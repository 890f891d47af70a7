import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("Authorizer")
struct AuthorizerTests {
    let authorizer = Authorizer()
    let line2 = try! AssetPath("site-a/packaging/line-2")
    let line2Pump = try! AssetPath("site-a/packaging/line-2/pump-7")
    let line1Pump = try! AssetPath("site-a/packaging/line-1/pump-3")

    @Test func rolesAreOrderedAndCumulative() {
        #expect(Role.viewer < .operator && Role.operator < .engineer && Role.engineer < .admin)
        for (lower, higher) in zip(Role.allCases, Role.allCases.dropFirst()) {
            #expect(lower.permissions.isStrictSubset(of: higher.permissions))
        }
        #expect(Permission.acknowledgeAlarms.minimumRole == .operator)
        #expect(Permission.writeDevices.minimumRole == .engineer)
        #expect(Permission.readAudit.minimumRole == .admin)
    }

    @Test func scopedOperatorActsOnlyInsideTheSubtree() {
        let contractor = Principal.user("contractor", RoleBinding(role: .operator, scope: line2))
        #expect(authorizer.can(contractor, .acknowledgeAlarms, on: line2Pump).isAllowed)
        #expect(authorizer.can(contractor, .acknowledgeAlarms, on: line2).isAllowed)
        let outside = authorizer.can(contractor, .acknowledgeAlarms, on: line1Pump)
        #expect(!outside.isAllowed)
        #expect(outside.reason.contains("operator or higher on a scope containing site-a/packaging/line-1/pump-3"))
        #expect(outside.reason.contains("holds operator on site-a/packaging/line-2"))
        // The parent of the scope is outside it too.
        #expect(!authorizer.can(contractor, .readData, on: try! AssetPath("site-a/packaging")).isAllowed)
        // A sibling whose name merely starts with the scope's last segment is outside.
        #expect(!authorizer.can(contractor, .readData, on: try! AssetPath("site-a/packaging/line-20")).isAllowed)
    }

    @Test func viewerCannotWriteOrAcknowledge() {
        let viewer = Principal.user("viewer", RoleBinding(role: .viewer))
        #expect(authorizer.can(viewer, .readData, on: line2Pump).isAllowed)
        #expect(!authorizer.can(viewer, .acknowledgeAlarms, on: line2Pump).isAllowed)
        let write = authorizer.canWrite(viewer, tagWritable: true, on: line2Pump, reason: "test")
        #expect(!write.isAllowed)
        #expect(write.reason.contains("engineer or higher"))
    }

    @Test func adminCanDoEverything() {
        let admin = Principal.user("root", RoleBinding(role: .admin))
        for permission in Permission.allCases {
            let asset: AssetPath? = permission.isGlobal ? nil : line1Pump
            #expect(authorizer.can(admin, permission, on: asset).isAllowed, "\(permission)")
        }
    }

    @Test("authorization matrix over roles and permissions (unscoped)", arguments: Role.allCases)
    func matrix(role: Role) {
        let principal = Principal.user("u", RoleBinding(role: role))
        for permission in Permission.allCases {
            let asset: AssetPath? = permission.isGlobal ? nil : line2Pump
            #expect(authorizer.can(principal, permission, on: asset).isAllowed == (role >= permission.minimumRole))
        }
    }

    @Test func globalPermissionsNeedAnUnscopedBinding() {
        let siteAdmin = Principal.user("siteadmin", RoleBinding(role: .admin, scope: try! AssetPath("site-a")))
        #expect(authorizer.can(siteAdmin, .configure, on: line2Pump).isAllowed)
        let manage = authorizer.can(siteAdmin, .manageUsers)
        #expect(!manage.isAllowed)
        #expect(manage.reason.contains("admin or higher on all assets"))
        #expect(!authorizer.can(siteAdmin, .readAudit, on: line2Pump).isAllowed)
    }

    @Test func theHighestGrantingBindingIsReported() {
        let person = Principal.user(
            "eng", RoleBinding(role: .viewer), RoleBinding(role: .engineer, scope: line2))
        let decision = authorizer.can(person, .configure, on: line2Pump)
        #expect(decision.grantingBinding == RoleBinding(role: .engineer, scope: line2))
        #expect(!authorizer.can(person, .configure, on: line1Pump).isAllowed)
        #expect(authorizer.can(person, .readData, on: line1Pump).isAllowed)
    }

    @Test func deviceWritesNeedAWritableTagTheRoleAndAReason() {
        let engineer = Principal.user("eng", RoleBinding(role: .engineer, scope: line2))
        #expect(
            authorizer.canWrite(engineer, tagWritable: true, on: line2Pump, reason: "setpoint per work order 4711")
                .isAllowed)
        let readOnly = authorizer.canWrite(engineer, tagWritable: false, on: line2Pump, reason: "x")
        #expect(!readOnly.isAllowed && readOnly.reason.contains("not configured as writable"))
        let noReason = authorizer.canWrite(engineer, tagWritable: true, on: line2Pump, reason: "  ")
        #expect(!noReason.isAllowed && noReason.reason.contains("reason"))
        #expect(!authorizer.canWrite(engineer, tagWritable: true, on: line1Pump, reason: "x").isAllowed)
    }

    @Test func tokenScopesLimitTheOwnersRights() {
        let owner = [RoleBinding(role: .engineer)]
        let token = Principal(kind: .apiToken, id: "mes/abc", bindings: owner, permissionLimit: [.readData])
        #expect(authorizer.can(token, .readData, on: line2Pump).isAllowed)
        let denied = authorizer.can(token, .writeDevices, on: line2Pump)
        #expect(!denied.isAllowed && denied.reason.contains("issued for [readData]"))
        // Scopes never add rights the owner lacks.
        let viewerToken = Principal(
            kind: .apiToken, id: "x", bindings: [RoleBinding(role: .viewer)], permissionLimit: [.configure])
        #expect(!authorizer.can(viewerToken, .configure, on: line2Pump).isAllowed)
    }

    @Test func disabledAndUnboundPrincipalsAreDenied() {
        var admin = Principal.user("gone", RoleBinding(role: .admin))
        admin.isDisabled = true
        #expect(!authorizer.can(admin, .readData, on: line2Pump).isAllowed)
        let nobody = Principal.user("nobody")
        #expect(authorizer.can(nobody, .readData, on: line2Pump).reason.contains("no role bindings"))
    }
}
