/// The outcome of asking a stream decoder for the next frame.
public enum ModbusDecodingResult<Frame: Sendable & Hashable>: Sendable, Hashable {
    /// One complete frame was decoded and its bytes consumed.
    case frame(Frame)
    /// The readable bytes are a prefix of a frame; nothing was consumed. Call again when more bytes arrive.
    case needMoreData
}
