import PropertyBased
import Testing

// swift-property-based runs a property's body under `try?`: an error thrown inside it (for example from
// `#expect(try decode(x) == x)` when decode throws) would pass silently. These wrappers record every thrown
// error as an issue, so a property can only pass by holding. Use them instead of `propertyCheck`.

/// `propertyCheck` with thrown errors recorded as failures.
public func checkProperty<In, Out>(
    count: Int = 100, input: Generator<Out, some Sequence<In>>,
    sourceLocation: SourceLocation = #_sourceLocation, perform body: (Out) async throws -> Void
) async {
    await propertyCheck(count: count, input: input, perform: { value in
        do { try await body(value) } catch { Issue.record(error, sourceLocation: sourceLocation) }
    }, sourceLocation: sourceLocation)
}

/// `propertyCheck` over two generators with thrown errors recorded as failures.
public func checkProperty<InA, InB, OutA, OutB>(
    count: Int = 100, input g0: Generator<OutA, some Sequence<InA>>, _ g1: Generator<OutB, some Sequence<InB>>,
    sourceLocation: SourceLocation = #_sourceLocation, perform body: (OutA, OutB) async throws -> Void
) async {
    await propertyCheck(count: count, input: g0, g1, perform: { a, b in
        do { try await body(a, b) } catch { Issue.record(error, sourceLocation: sourceLocation) }
    }, sourceLocation: sourceLocation)
}

/// `propertyCheck` over three generators with thrown errors recorded as failures.
public func checkProperty<InA, InB, InC, OutA, OutB, OutC>(
    count: Int = 100, input g0: Generator<OutA, some Sequence<InA>>, _ g1: Generator<OutB, some Sequence<InB>>,
    _ g2: Generator<OutC, some Sequence<InC>>,
    sourceLocation: SourceLocation = #_sourceLocation, perform body: (OutA, OutB, OutC) async throws -> Void
) async {
    await propertyCheck(count: count, input: g0, g1, g2, perform: { a, b, c in
        do { try await body(a, b, c) } catch { Issue.record(error, sourceLocation: sourceLocation) }
    }, sourceLocation: sourceLocation)
}

/// `propertyCheck` over four generators with thrown errors recorded as failures.
public func checkProperty<InA, InB, InC, InD, OutA, OutB, OutC, OutD>(
    count: Int = 100, input g0: Generator<OutA, some Sequence<InA>>, _ g1: Generator<OutB, some Sequence<InB>>,
    _ g2: Generator<OutC, some Sequence<InC>>, _ g3: Generator<OutD, some Sequence<InD>>,
    sourceLocation: SourceLocation = #_sourceLocation, perform body: (OutA, OutB, OutC, OutD) async throws -> Void
) async {
    await propertyCheck(count: count, input: g0, g1, g2, g3, perform: { a, b, c, d in
        do { try await body(a, b, c, d) } catch { Issue.record(error, sourceLocation: sourceLocation) }
    }, sourceLocation: sourceLocation)
}

/// `propertyCheck` over five generators with thrown errors recorded as failures.
public func checkProperty<InA, InB, InC, InD, InE, OutA, OutB, OutC, OutD, OutE>(
    count: Int = 100, input g0: Generator<OutA, some Sequence<InA>>, _ g1: Generator<OutB, some Sequence<InB>>,
    _ g2: Generator<OutC, some Sequence<InC>>, _ g3: Generator<OutD, some Sequence<InD>>,
    _ g4: Generator<OutE, some Sequence<InE>>,
    sourceLocation: SourceLocation = #_sourceLocation, perform body: (OutA, OutB, OutC, OutD, OutE) async throws -> Void
) async {
    await propertyCheck(count: count, input: g0, g1, g2, g3, g4, perform: { a, b, c, d, e in
        do { try await body(a, b, c, d, e) } catch { Issue.record(error, sourceLocation: sourceLocation) }
    }, sourceLocation: sourceLocation)
}

/// `propertyCheck` over six generators with thrown errors recorded as failures.
public func checkProperty<InA, InB, InC, InD, InE, InF, OutA, OutB, OutC, OutD, OutE, OutF>(
    count: Int = 100, input g0: Generator<OutA, some Sequence<InA>>, _ g1: Generator<OutB, some Sequence<InB>>,
    _ g2: Generator<OutC, some Sequence<InC>>, _ g3: Generator<OutD, some Sequence<InD>>,
    _ g4: Generator<OutE, some Sequence<InE>>, _ g5: Generator<OutF, some Sequence<InF>>,
    sourceLocation: SourceLocation = #_sourceLocation,
    perform body: (OutA, OutB, OutC, OutD, OutE, OutF) async throws -> Void
) async {
    await propertyCheck(count: count, input: g0, g1, g2, g3, g4, g5, perform: { a, b, c, d, e, f in
        do { try await body(a, b, c, d, e, f) } catch { Issue.record(error, sourceLocation: sourceLocation) }
    }, sourceLocation: sourceLocation)
}
