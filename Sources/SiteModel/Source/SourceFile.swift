/// A content file read into memory and normalised: UTF-8 without BOM, `\n` line ends.
public struct SourceFile: Sendable, Equatable {
    /// The path relative to the content root, with `/` separators.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    public var start: SourceLocation { location(line: 1) }
}
