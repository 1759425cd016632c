/// A CSV reader after RFC 4180: fields separated by commas, optionally in
/// double quotes (`""` inside for a quote), quoted fields may hold commas and
/// line breaks. CRLF, LF and a BOM are accepted (TextDecoding has already
/// normalised line ends and removed the BOM); blank lines are skipped.
public struct CSVReader: Sendable {
    public struct Record: Sendable, Hashable {
        public var fields: [String]
        /// The line the record starts on (1-based).
        public var line: Int
        /// The column (1-based) each field starts at, for diagnostics.
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
        var fields: [String] = []
        var columns: [Int] = []
        var field = ""
        var line = 1, column = 1
        var recordLine = 1
        var fieldColumn = 1
        var inQuotes = false
        var quoteStart = (line: 1, column: 1)
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            columns.append(fieldColumn)
            // A line holding nothing at all is blank: skipped.
            if !(fields.count == 1 && fields[0].isEmpty && !afterQuote) {
                records.append(Record(fields: fields, line: recordLine, columns: columns))
            }
            fields = []; columns = []; field = ""; afterQuote = false
        }

        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\""); column += 2; continue }
                        pending = following
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                } else {
                    field.unicodeScalars.append(scalar)
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field); columns.append(fieldColumn)
                field = ""; afterQuote = false
                column += 1
                fieldColumn = column
            case "\r":
                column += 1
            case "\n":
                endRecord()
                line += 1; column = 1
                recordLine = line; fieldColumn = 1
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteStart = (line, column)
                column += 1
            default:
                field.unicodeScalars.append(scalar)
                column += 1
            }
        }
        if inQuotes {
            return (records, Failure(line: quoteStart.line, column: quoteStart.column,
                                     message: "引号未闭合 (a quoted field is never closed)"))
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return (records, nil)
    }
}
