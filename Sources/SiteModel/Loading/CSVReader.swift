/// A CSV reader after RFC 4180: fields separated by commas, optionally in
/// double quotes (`""` inside for a quote), quoted fields may hold commas and
/// line breaks. CRLF, LF and a BOM are accepted (TextDecoding has already
/// normalised line ends and removed the BOM); blank lines are skipped.
/// Works on the UTF-8 bytes: the delimiters are all ASCII, so a field is a
/// byte range, decoded once.
public struct CSVReader: Sendable {
    public struct Record: Sendable, Hashable {
        public var fields: [String]
        /// The line the record starts on (1-based).
        public var line: Int
        /// The column (1-based, in characters) each field starts at, for diagnostics.
        public var columns: [Int]
    }

    public struct Failure: Error, Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Parses the whole text; stops at the first unrecoverable error (an unclosed quote).
    public static func parse(_ text: String) -> (records: [Record], failure: Failure?) {
        var records: [Record] = []
        let failure = forEach(text) { records.append($0) }
        return (records, failure)
    }

    /// Reads the text one record at a time, handing each to `body` as soon as it ends: a
    /// million-row file is never held as rows. The record's arrays are reused for the next
    /// one, so `body` should read it rather than keep it. Stops at the first unrecoverable
    /// error (an unclosed quote) and returns it.
    @discardableResult
    public static func forEach(_ text: String, _ body: (Record) -> Void) -> Failure? {
        var text = text
        return text.withUTF8 { forEach(bytes: $0, body) }
    }

    static func forEach(bytes: UnsafeBufferPointer<UInt8>, _ body: (Record) -> Void) -> Failure? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var record = Record(fields: [], line: 1, columns: [])
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var line = 1, column = 1
        var fieldColumn = 1
        var inQuotes = false, afterQuote = false
        var quoteStart = (line: 1, column: 1)
        var i = 0
        let count = bytes.count

        @inline(__always) func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        func finishField() {
            record.fields.append(String(decoding: field, as: UTF8.self))
            record.columns.append(fieldColumn)
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            let blank = record.fields.isEmpty && field.isEmpty && !afterQuote
            finishField()
            if !blank { body(record) }
            record.fields.removeAll(keepingCapacity: true)
            record.columns.removeAll(keepingCapacity: true)
            afterQuote = false
        }

        while i < count {
            let byte = bytes[i]
            if inQuotes {
                if byte == quote {
                    if i + 1 < count && bytes[i + 1] == quote {
                        field.append(quote); i += 2; column += 2; continue
                    }
                    inQuotes = false; afterQuote = true
                } else {
                    field.append(byte)
                    if byte == newline { line += 1; column = 0 }
                }
                if !isContinuation(byte) { column += 1 }
                i += 1
                continue
            }
            switch byte {
            case comma:
                finishField()
                afterQuote = false
                column += 1
                fieldColumn = column
            case cr:
                column += 1
            case newline:
                endRecord()
                line += 1; column = 1
                record.line = line; fieldColumn = 1
            case quote where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteStart = (line, column)
                column += 1
            default:
                field.append(byte)
                if !isContinuation(byte) { column += 1 }
            }
            i += 1
        }
        if inQuotes {
            return Failure(line: quoteStart.line, column: quoteStart.column, message: "引号未闭合 (a quoted field is never closed)")
        }
        if !field.isEmpty || !record.fields.isEmpty || afterQuote { endRecord() }
        return nil
    }
}
