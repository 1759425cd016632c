/// Text with position markers (1️⃣, 2️⃣ …), as in swift-format's tests: the
/// markers are removed and their 1-based line and column (in Unicode scalars)
/// are kept, so a test can say where a diagnostic must point.
public struct MarkedText: Sendable {
    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public var text: String
    public var positions: [String: (line: Int, column: Int)]

    public init(_ marked: String) {
        var text = ""
        var positions: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var index = marked.startIndex
        outer: while index < marked.endIndex {
            for marker in Self.markers where marked[index...].hasPrefix(marker) {
                positions[marker] = (line, column)
                index = marked.index(index, offsetBy: marker.count)
                continue outer
            }
            let character = marked[index]
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            index = marked.index(after: index)
        }
        self.text = text
        self.positions = positions
    }

    public subscript(marker: String) -> (line: Int, column: Int) {
        positions[marker] ?? (0, 0)
    }
}
