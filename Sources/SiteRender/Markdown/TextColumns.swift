/// Turns cmark-gfm's source columns, which count bytes from the start of a
/// line of the text, into columns that count Unicode scalars, as every
/// diagnostic's do. The lines' offsets are found when first asked for.
final class TextColumns {
    private let text: String
    private var bytes: [UInt8] = []
    private var lineStarts: [Int]?

    init(_ text: String) {
        self.text = text
    }

    /// The 1-based scalar column of `byteColumn` (1-based) on `line` (1-based) of the text.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        if lineStarts == nil {
            bytes = Array(text.utf8)
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = starts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        // A scalar starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        var scalars = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        return scalars + 1
    }
}
