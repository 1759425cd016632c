/// Where a text starts in its file, so that a position inside the text (a line
/// of the text and a column counted in Unicode scalars, as cmark-gfm's source
/// positions are turned into) becomes a position in the file.
///
/// - A Markdown file's body: each line of the text is a line of the file, from column 1.
/// - A YAML block scalar (`requirements: |-`): each line of the text is a line of
///   the file, after the block's indentation.
/// - A value written on one line (`remarks: 见[附件](attachments/a.pdf)`): the
///   text starts at the value's column (after its quote).
/// - A value folded over several lines (`>`, or plain or quoted text continued on
///   the next lines): its lines are not the file's; every position in it is the
///   value's start.
public struct TextOrigin: Sendable, Hashable {
    public enum Layout: Sendable, Hashable {
        /// Text line k is file line `line + k - 1`; the first line starts at `column`, later ones at `laterColumn`.
        case lines(laterColumn: Int)
        /// Every position is the text's start.
        case start
    }

    public var file: String
    /// The file line of the text's first line.
    public var line: Int
    /// The file column of the text's first character.
    public var column: Int
    public var layout: Layout

    public init(file: String, line: Int, column: Int = 1, layout: Layout = .lines(laterColumn: 1)) {
        self.file = file
        self.line = line
        self.column = column
        self.layout = layout
    }

    /// The file position of the text's line `line` (1-based) at `column` (1-based, Unicode scalars).
    public func location(line textLine: Int, column textColumn: Int) -> SourceLocation {
        switch layout {
        case .lines(let laterColumn):
            let start = textLine <= 1 ? column : laterColumn
            return SourceLocation(file: file, line: line + max(textLine, 1) - 1, column: start + max(textColumn, 1) - 1)
        case .start:
            return SourceLocation(file: file, line: line, column: column)
        }
    }

    /// The text's start.
    public var start: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

extension MarkdownSource {
    /// A file's body: its lines are the file's from `firstLine`, each from column 1.
    public var origin: TextOrigin { TextOrigin(file: file, line: firstLine) }
}

/// Where each language of a bilingual Markdown value of YAML starts: a task's
/// requirements and remarks, a plan's cover letter.
public struct TextOrigins: Sendable, Hashable {
    public var zh: TextOrigin?
    public var en: TextOrigin?

    public init(zh: TextOrigin? = nil, en: TextOrigin? = nil) {
        self.zh = zh
        self.en = en
    }

    public subscript(language: Language) -> TextOrigin? {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
