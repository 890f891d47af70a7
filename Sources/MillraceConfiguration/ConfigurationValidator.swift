import MillraceCore

/// Checks that the parts of a decoded configuration fit together: unique ids, references that resolve,
/// addresses the connection understands. Types and ranges are already checked while decoding.
struct ConfigurationValidator {
    var configuration: MillraceConfiguration

    struct Problem: Error {
        var code: ConfigurationError.Code
        var keyPath: String
        var message: String
    }

    func validate() throws(Problem) {
        try unique(configuration.sites.map(\.id), what: "site", keyPath: { "sites[\($0)].id" })
        for (s, site) in configuration.sites.enumerated() {
            try unique(site.areas.map(\.id), what: "area", keyPath: { "sites[\(s)].areas[\($0)].id" })
            for (a, area) in site.areas.enumerated() {
                let areaKey = "sites[\(s)].areas[\(a)]"
                let children = area.lines.map(\.id) + area.assets.map(\.id)
                try unique(children, what: "line or asset", keyPath: { index in
                    index < area.lines.count
                        ? "\(areaKey).lines[\(index)].id" : "\(areaKey).assets[\(index - area.lines.count)].id"
                })
                for (l, line) in area.lines.enumerated() {
                    let lineKey = "\(areaKey).lines[\(l)]"
                    let lineChildren = line.cells.map(\.id) + line.assets.map(\.id)
                    try unique(lineChildren, what: "cell or asset", keyPath: { index in
                        index < line.cells.count
                            ? "\(lineKey).cells[\(index)].id" : "\(lineKey).assets[\(index - line.cells.count)].id"
                    })
                    for (c, cell) in line.cells.enumerated() {
                        if !cell.cells.isEmpty {
                            throw Problem(
                                code: .invalidValue, keyPath: "\(lineKey).cells[\(c)].cells",
                                message: "cells cannot contain cells; ISA-95 has one cell level below a line")
                        }
                        try unique(cell.assets.map(\.id), what: "asset", keyPath: { "\(lineKey).cells[\(c)].assets[\($0)].id" })
                    }
                }
            }
        }
        let connectionIDs = configuration.connections.map(\.id)
        try unique(connectionIDs, what: "connection", keyPath: { "connections[\($0)].id" })
        let connections = Dictionary(configuration.connections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seenTags: [TagID: String] = [:]
        for (tag, _, keyPath) in configuration.resolvedTags {
            if let first = seenTags[tag.id] {
                throw Problem(
                    code: .duplicateID, keyPath: "\(keyPath).id",
                    message: "duplicate tag id '\(tag.id)', first used at \(first); tag ids must be unique in the whole file")
            }
            seenTags[tag.id] = keyPath
            guard let connection = connections[tag.connection] else {
                let known = connectionIDs.isEmpty ? "none is defined under 'connections'" : "expected one of: \(connectionIDs.joined(separator: ", "))"
                throw Problem(
                    code: .unknownReference, keyPath: "\(keyPath).connection",
                    message: "found '\(tag.connection)', which is not a connection id; \(known)")
            }
            if let problem = connection.problem(with: tag) {
                throw Problem(code: .invalidValue, keyPath: "\(keyPath).\(problem.key)", message: problem.message)
            }
        }
        try validateHistorian(knownTags: Set(seenTags.keys))
    }

    /// Retention classes are unique and every reference to one resolves; per-tag settings name known tags once.
    private func validateHistorian(knownTags: Set<TagID>) throws(Problem) {
        let historian = configuration.historian
        let classIDs = historian.retentionClasses.map(\.id)
        try unique(classIDs, what: "retention class", keyPath: { "historian.retentionClasses[\($0)].id" })
        let known = Set(classIDs + [HistorianConfiguration.defaultClassName])
        func check(_ name: String, _ keyPath: String) throws(Problem) {
            guard known.contains(name) else {
                throw Problem(
                    code: .unknownReference, keyPath: keyPath,
                    message: "found '\(name)', which is not a retention class; expected one of: \(known.sorted().joined(separator: ", "))")
            }
        }
        try check(historian.defaultRetentionClass, "historian.defaultRetentionClass")
        try unique(historian.tags.map(\.tag.rawValue), what: "historian tag", keyPath: { "historian.tags[\($0)].tag" })
        for (index, settings) in historian.tags.enumerated() {
            guard knownTags.contains(settings.tag) else {
                throw Problem(
                    code: .unknownReference, keyPath: "historian.tags[\(index)].tag",
                    message: "found '\(settings.tag)', which is not a tag defined under 'sites'")
            }
            if let name = settings.retentionClass { try check(name, "historian.tags[\(index)].retentionClass") }
        }
    }

    private func unique(_ ids: [String], what: String, keyPath: (Int) -> String) throws(Problem) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let first = seen[id] {
                throw Problem(
                    code: .duplicateID, keyPath: keyPath(index),
                    message: "duplicate \(what) id '\(id)', first used at \(keyPath(first))")
            }
            seen[id] = index
        }
    }
}
