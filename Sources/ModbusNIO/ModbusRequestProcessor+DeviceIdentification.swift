import ModbusCore

extension ModbusRequestProcessor {
    /// The answer to a read device identification request (Modbus Application Protocol v1.1b3 §6.21).
    ///
    /// Stream access (codes 1–3) returns the objects of the category from `objectID` on, as many as fit in
    /// one PDU, with `moreFollows` and `nextObjectID` pointing at the rest; an object id that is not in the
    /// category restarts at object 0, as §6.21 requires. Individual access (code 4) returns the one object,
    /// or exception 02 if the device does not have it.
    func deviceIdentification(
        code: ReadDeviceIDCode, objectID: UInt8
    ) throws(ModbusDataModelError) -> DeviceIdentification {
        let objects = identificationObjects()
        let conformity = conformityLevel(objects)
        if code == .individual {
            guard let object = objects.first(where: { $0.id == objectID }) else {
                throw ModbusDataModelError(.illegalDataAddress)
            }
            return DeviceIdentification(readDeviceIDCode: code, conformityLevel: conformity, objects: [object])
        }
        let category = objects.filter { object in
            switch code {
            case .basic: object.id <= 0x02
            case .regular: object.id <= 0x7F
            case .extended, .individual: true
            }
        }
        let start = category.firstIndex { $0.id == objectID } ?? 0
        // Function code, MEI type, code, conformity, more follows, next object id, number of objects.
        var size = 7
        var selected: [DeviceIdentification.Object] = []
        var index = start
        while index < category.count, size + 2 + category[index].value.count <= ModbusLimits.maximumPDUSize {
            size += 2 + category[index].value.count
            selected.append(category[index])
            index += 1
        }
        let moreFollows = index < category.count
        return DeviceIdentification(
            readDeviceIDCode: code, conformityLevel: conformity, moreFollows: moreFollows,
            nextObjectID: moreFollows ? category[index].id : 0, objects: selected)
    }

    /// The configured objects in id order, the three basic ones always present (§6.21: they are mandatory).
    private func identificationObjects() -> [DeviceIdentification.Object] {
        var texts = configuration.deviceIdentification
        for id: UInt8 in 0...2 where texts[id] == nil { texts[id] = "" }
        return texts.keys.sorted().map { id in
            DeviceIdentification.Object(id: id, value: Array(Array(texts[id, default: ""].utf8).prefix(245)))
        }
    }

    /// 0x81 basic, 0x82 regular or 0x83 extended, with bit 0x80: individual access is supported (§6.21).
    private func conformityLevel(_ objects: [DeviceIdentification.Object]) -> UInt8 {
        if objects.contains(where: { $0.id >= 0x80 }) { return 0x83 }
        if objects.contains(where: { $0.id > 0x02 }) { return 0x82 }
        return 0x81
    }
}
