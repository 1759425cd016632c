import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteModel

/// Reads an Office Open XML workbook (.xlsx, as Excel, WPS and LibreOffice save
/// it; unzipped by `ZipReader`): every sheet's cells with shared and inline strings, numbers with their
/// date or percent formats, merged ranges and hidden columns. Formulas give their
/// saved values. A file that is not a workbook is a `Failure`, never a crash.
public enum XLSXReader {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notAWorkbook(String)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .notAWorkbook(let why): "not an .xlsx workbook (\(why))"
            case .tooLarge(let why): "too large to read (\(why))"
            }
        }
    }

    /// Limits that a responsibility list or a progress form never reaches.
    static let maximumPartSize = 64 << 20
    static let maximumCells = 2_000_000

    /// The sheets of the workbook in `data`, in tab order; `file` names them in diagnostics.
    public static func read(_ data: Data, file: String) throws(Failure) -> [SheetTable] {
        let archive: ZipReader
        do { archive = try ZipReader(data) } catch { throw .notAWorkbook(error.description) }
        func part(_ path: String) throws(Failure) -> Data? {
            let out: Data?
            do { out = try archive.read(path, limit: maximumPartSize) } catch {
                throw error.isTooLarge ? .tooLarge(error.description) : .notAWorkbook(error.description)
            }
            guard let out else { return nil }
            // Foundation's XMLParser traps on a name or value that is not UTF-8: a damaged part is refused first.
            guard String(validating: out, as: UTF8.self) != nil else { throw .notAWorkbook("\(path) is not UTF-8 text") }
            return out
        }

        // The workbook part, from the package's relationships (xl/workbook.xml nearly always).
        var workbookPath = "xl/workbook.xml"
        if let rels = try part("_rels/.rels") {
            let relations = RelationshipsParser.parse(rels)
            if let main = relations.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                workbookPath = resolve(main.target, from: "")
            }
        }
        guard let workbookData = try part(workbookPath) else { throw .notAWorkbook("no \(workbookPath)") }
        let workbook = WorkbookParser.parse(workbookData)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let relations = try part(relsPath).map(RelationshipsParser.parse) ?? []
        var targets: [String: String] = [:]
        for relation in relations { targets[relation.id] = resolve(relation.target, from: folder) }

        var strings: [String] = []
        if let relation = relations.first(where: { $0.type.hasSuffix("/sharedStrings") }),
           let data = try part(resolve(relation.target, from: folder)) {
            strings = SharedStringsParser.parse(data)
        }
        var styles = StylesParser.Result()
        if let relation = relations.first(where: { $0.type.hasSuffix("/styles") }),
           let data = try part(resolve(relation.target, from: folder)) {
            styles = StylesParser.parse(data)
        }

        var sheets: [SheetTable] = []
        var cellCount = 0
        for sheet in workbook.sheets {
            guard let path = targets[sheet.relationship], let data = try part(path) else { continue }
            let parser = WorksheetParser(table: SheetTable(file: file, name: sheet.name), strings: strings, styles: styles,
                                         is1904: workbook.is1904, cellBudget: maximumCells - cellCount)
            let table = parser.parse(data)
            cellCount += parser.cellCount
            if parser.overBudget { throw .tooLarge("more than \(maximumCells) cells") }
            sheets.append(table)
        }
        guard !sheets.isEmpty else { throw .notAWorkbook("no worksheet") }
        return sheets
    }

    /// A relationship target relative to the folder of the part that names it.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// An element's name without its namespace prefix (`x:row` → `row`).
private func local(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

/// An attribute by its local name (`r:id` is found as `id` when asked for the prefixed one fails).
private func attribute(_ attributes: [String: String], _ name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { local($0.key) == Substring(name) }?.value
}

private final class RelationshipsParser: NSObject, XMLParserDelegate {
    struct Relation { var id: String; var type: String; var target: String }
    var relations: [Relation] = []

    static func parse(_ data: Data) -> [Relation] {
        let delegate = RelationshipsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.relations
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        if attributes["TargetMode"] == "External" { return }
        relations.append(Relation(id: id, type: attributes["Type"] ?? "", target: target))
    }
}

private final class WorkbookParser: NSObject, XMLParserDelegate {
    struct Sheet { var name: String; var relationship: String }
    struct Result { var sheets: [Sheet] = []; var is1904 = false }
    var result = Result()

    static func parse(_ data: Data) -> Result {
        let delegate = WorkbookParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.result
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(name) {
        case "workbookPr":
            let value = attributes["date1904"] ?? ""
            result.is1904 = value == "1" || value == "true"
        case "sheet":
            guard let relationship = attribute(attributes, "r:id") else { return }
            result.sheets.append(Sheet(name: attributes["name"] ?? "Sheet\(result.sheets.count + 1)", relationship: relationship))
        default: break
        }
    }
}

/// sharedStrings.xml: each `<si>` is plain `<t>` or rich-text runs `<r><t>…</t></r>`;
/// phonetic guides (`<rPh>`) are not part of the text.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0

    static func parse(_ data: Data) -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(name) {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "si": strings.append(XMLText.decodeCellText(current))
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}

/// styles.xml: which cell styles show numbers as dates or percentages.
private final class StylesParser: NSObject, XMLParserDelegate {
    struct Result { var kinds: [CellValue.NumberKind] = [] }
    var formats: [Int: String] = [:]
    var formatIDs: [Int] = []
    var inCellXfs = false

    static func parse(_ data: Data) -> Result {
        let delegate = StylesParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return Result(kinds: delegate.formatIDs.map { delegate.kind($0) })
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { formats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if local(name) == "cellXfs" { inCellXfs = false }
    }

    /// Built-in date formats (14–22, 27–36 and 50–58 in East Asian locales, 45–47 times),
    /// and custom ones whose code, without quoted text and [colour] parts, writes y, d or 年月日.
    func kind(_ id: Int) -> CellValue.NumberKind {
        if [9, 10].contains(id) { return .percent }
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) {
            return .date(is1904: false)
        }
        guard let code = formats[id] else { return .plain }
        var plain = ""
        var inQuote = false, inBracket = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default: if !inQuote && !inBracket { plain.append(character) }
            }
        }
        let lowered = plain.lowercased()
        if lowered.contains("y") || lowered.contains("d") || plain.contains("年") || plain.contains("日") { return .date(is1904: false) }
        if plain.contains("%") { return .percent }
        return .plain
    }
}

/// One worksheet: `<row>`s of `<c r= t= s=>` with `<v>` or `<is><t>`, `<mergeCell>`s, hidden `<col>`s.
private final class WorksheetParser: NSObject, XMLParserDelegate {
    var table: SheetTable
    let strings: [String]
    let styles: StylesParser.Result
    let is1904: Bool
    let cellBudget: Int
    var cellCount = 0
    var overBudget = false

    var row = 0
    var column = 0
    var cellType = ""
    var cellStyle = 0
    var value = ""
    var inline = ""
    var inValue = false
    var inInlineText = false
    var phonetic = 0
    var hasValue = false

    init(table: SheetTable, strings: [String], styles: StylesParser.Result, is1904: Bool, cellBudget: Int) {
        self.table = table
        self.strings = strings
        self.styles = styles
        self.is1904 = is1904
        self.cellBudget = cellBudget
    }

    func parse(_ data: Data) -> SheetTable {
        let parser = XMLParser(data: data)
        parser.delegate = self
        _ = parser.parse()
        return table
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(name) {
        case "row":
            row = attributes["r"].flatMap(Int.init) ?? row + 1
            column = 0
        case "c":
            if let reference = attributes["r"], let address = CellAddress(reference: reference) {
                row = address.row
                column = address.column
            } else {
                column += 1
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""; inline = ""; hasValue = false
        case "v": inValue = true; hasValue = true
        case "t": inInlineText = phonetic == 0; hasValue = true
        case "rPh": phonetic += 1
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":").compactMap { CellAddress(reference: String($0)) }
            if parts.count == 2 {
                table.merges.append(CellRange(CellAddress(row: min(parts[0].row, parts[1].row), column: min(parts[0].column, parts[1].column)),
                                              CellAddress(row: max(parts[0].row, parts[1].row), column: max(parts[0].column, parts[1].column))))
            }
        case "col":
            let hidden = attributes["hidden"] == "1" || attributes["hidden"] == "true"
            if hidden, let min = attributes["min"].flatMap(Int.init), let max = attributes["max"].flatMap(Int.init), min <= max, max - min < 16384 {
                table.hiddenColumns.formUnion(min...max)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inline += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": phonetic -= 1
        case "c":
            guard hasValue, row > 0, column > 0 else { return }
            cellCount += 1
            if cellCount > cellBudget { overBudget = true; parser.abortParsing(); return }
            if let cell = makeValue() { table.set(cell, row: row, column: column) }
        default: break
        }
    }

    func makeValue() -> CellValue? {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingWhitespace), strings.indices.contains(index) else { return nil }
            return .text(strings[index])
        case "inlineStr": return .text(XMLText.decodeCellText(inline))
        case "str": return .text(XMLText.decodeCellText(value))
        case "b": return .bool(value.trimmingWhitespace == "1")
        case "e": return .error(value)
        case "d":
            // An ISO 8601 date cell (strict OOXML): the day part.
            return .text(String(value.prefix(10)))
        default:
            guard let number = Double(value.trimmingWhitespace), number.isFinite else {
                return value.isEmpty ? nil : .text(value)
            }
            var kind = styles.kinds.indices.contains(cellStyle) ? styles.kinds[cellStyle] : .plain
            if case .date = kind { kind = .date(is1904: is1904) }
            return .number(number, kind)
        }
    }
}
