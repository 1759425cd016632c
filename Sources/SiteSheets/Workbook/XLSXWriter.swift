import Foundation
import SiteModel
import ZIPFoundation

/// Writes worksheets as an Office Open XML workbook (.xlsx): SpreadsheetML parts
/// written here, zipped by ZIPFoundation. The same sheets give the same bytes
/// (parts in a fixed order, a fixed date on every entry, strings shared in order
/// of first use), so two exports of the same content are identical.
public enum XLSXWriter {
    public enum Failure: Error, CustomStringConvertible {
        /// A cell's text is longer than a spreadsheet cell holds (32,767 characters).
        case cellTooLong(sheet: String, cell: String, length: Int)
        case zip(String)

        public var description: String {
            switch self {
            case .cellTooLong(let sheet, let cell, let length):
                "\(sheet)!\(cell): \(length) characters, more than a spreadsheet cell holds (32,767)"
            case .zip(let message): "cannot make the workbook: \(message)"
            }
        }
    }

    /// The most characters (UTF-16 code units) Excel keeps in one cell.
    public static let maximumCellLength = 32_767

    public static func data(_ sheets: [Worksheet], title: String) throws(Failure) -> Data {
        var strings = SharedStrings()
        var parts: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", try worksheetXML(sheet, isFirst: index == 0, strings: &strings)))
        }
        let head: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("docProps/app.xml", appProperties),
            ("docProps/core.xml", coreProperties(title: title)),
            ("xl/workbook.xml", workbookXML(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", WorkbookStyles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        return try zip(head + parts)
    }

    static func zip(_ parts: [(String, String)]) throws(Failure) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // 1980-01-01 00:00 in local time, the zip format's first day: the same bytes in every time zone.
            var components = DateComponents()
            (components.year, components.month, components.day) = (1980, 1, 1)
            let date = Calendar.current.date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            guard let data = archive.data else { throw Failure.zip("no archive data") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .zip("\(error)")
        }
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static func contentTypes(sheetCount: Int) -> String {
        var out = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        out += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in 1...max(sheetCount, 1) where index <= sheetCount {
            out += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        out += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        out += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        out += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        out += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return out + "</Types>"
    }

    static let packageRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let appProperties = declaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>gen-site</Application></Properties>"

    static func coreProperties(title: String) -> String {
        declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            + "<dc:title>\(XMLText.escape(XMLText.attributeSafe(title)))</dc:title><dc:creator>gen-site</dc:creator></cp:coreProperties>"
    }

    static func workbookXML(_ sheets: [Worksheet]) -> String {
        var out = declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        out += #"<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            out += #"<sheet name="\#(XMLText.escape(sheetName(sheet.name)))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        out += "</sheets>"
        let named = sheets.enumerated().filter { $0.element.headerRows > 0 || $0.element.printColumns != nil }
        if !named.isEmpty {
            out += "<definedNames>"
            for (index, sheet) in named {
                let quoted = "'" + sheetName(sheet.name).replacingOccurrences(of: "'", with: "''") + "'"
                if let columns = sheet.printColumns {
                    let first = SourceLocation.columnName(columns.lowerBound), last = SourceLocation.columnName(columns.upperBound)
                    out += #"<definedName name="_xlnm.Print_Area" localSheetId="\#(index)">"#
                        + XMLText.escape("\(quoted)!$\(first):$\(last)") + "</definedName>"
                }
                if sheet.headerRows > 0 {
                    out += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">"#
                        + XMLText.escape("\(quoted)!$1:$\(sheet.headerRows)") + "</definedName>"
                }
            }
            out += "</definedNames>"
        }
        return out + "</workbook>"
    }

    /// At most 31 characters, none of the ones a sheet name cannot hold.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) && !$0.isNewline }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var out = declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<sheetCount {
            out += #"<Relationship Id="rId\#(index + 1)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        out += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        out += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        return out + "</Relationships>"
    }

    static func worksheetXML(_ sheet: Worksheet, isFirst: Bool, strings: inout SharedStrings) throws(Failure) -> String {
        let columnCount = max(sheet.columnCount, sheet.columns.keys.max() ?? 1, 1)
        let rowCount = max(sheet.rows.count, 1)
        var out = declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        out += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        out += #"<dimension ref="A1:\#(CellAddress(row: rowCount, column: columnCount).reference)"/>"#
        out += #"<sheetViews><sheetView workbookViewId="0""# + (isFirst ? #" tabSelected="1""# : "") + ">"
        let active = sheet.activeCell?.reference ?? "A1"
        if sheet.headerRows > 0 {
            let topLeft = CellAddress(row: sheet.headerRows + 1, column: 1).reference
            out += #"<pane ySplit="\#(sheet.headerRows)" topLeftCell="\#(topLeft)" activePane="bottomLeft" state="frozen"/>"#
            out += #"<selection pane="bottomLeft" activeCell="\#(active)" sqref="\#(active)"/>"#
        } else {
            out += #"<selection activeCell="\#(active)" sqref="\#(active)"/>"#
        }
        out += #"</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.columns.isEmpty {
            out += "<cols>"
            for (column, format) in sheet.columns.sorted(by: { $0.key < $1.key }) {
                out += #"<col min="\#(column)" max="\#(column)" width="\#(number(format.width))""#
                    + (format.isHidden ? #" hidden="1""# : "") + #" customWidth="1"/>"#
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (offset, row) in sheet.rows.enumerated() {
            let r = offset + 1
            out += #"<row r="\#(r)""#
            if let height = sheet.rowHeights[r] { out += #" ht="\#(number(height))" customHeight="1""# }
            out += ">"
            for (columnOffset, cell) in row.enumerated() {
                let reference = CellAddress(row: r, column: columnOffset + 1).reference
                let style = cell.style.rawValue == 0 ? "" : #" s="\#(cell.style.rawValue)""#
                switch cell.value {
                case .empty:
                    if cell.style != .plain { out += #"<c r="\#(reference)"\#(style)/>"# }
                case .text(let text):
                    guard text.utf16.count <= maximumCellLength else {
                        throw .cellTooLong(sheet: sheet.name, cell: reference, length: text.utf16.count)
                    }
                    out += #"<c r="\#(reference)"\#(style) t="s"><v>\#(strings.index(text))</v></c>"#
                case .number(let value):
                    out += #"<c r="\#(reference)"\#(style)><v>\#(number(value))</v></c>"#
                case .date(let day):
                    out += #"<c r="\#(reference)"\#(style)><v>\#(ExcelDate.serial(day))</v></c>"#
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if sheet.isProtected {
            // "0" allows: column widths and row heights may still be changed.
            out += #"<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>"#
        }
        if !sheet.merges.isEmpty {
            out += #"<mergeCells count="\#(sheet.merges.count)">"#
            for range in sheet.merges { out += #"<mergeCell ref="\#(range.reference)"/>"# }
            out += "</mergeCells>"
        }
        if !sheet.validations.isEmpty {
            out += #"<dataValidations count="\#(sheet.validations.count)">"#
            for validation in sheet.validations { out += validationXML(validation) }
            out += "</dataValidations>"
        }
        out += #"<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        out += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        out += "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
        return out + "</worksheet>"
    }

    static func validationXML(_ validation: DataValidation) -> String {
        let type: String, formulas: String, rangeOperator: String
        switch validation.rule {
        case .list(let words):
            type = "list"; rangeOperator = ""
            formulas = "<formula1>" + XMLText.escape("\"" + words.joined(separator: ",") + "\"") + "</formula1>"
        case .whole(let range):
            type = "whole"; rangeOperator = #" operator="between""#
            formulas = "<formula1>\(range.lowerBound)</formula1><formula2>\(range.upperBound)</formula2>"
        case .date(let first):
            type = "date"; rangeOperator = #" operator="greaterThanOrEqual""#
            formulas = "<formula1>\(ExcelDate.serial(first))</formula1>"
        }
        func attribute(_ text: String, _ limit: Int) -> String { XMLText.escape(XMLText.attributeSafe(String(text.prefix(limit)))) }
        return #"<dataValidation type="\#(type)"\#(rangeOperator) allowBlank="1" showInputMessage="1" showErrorMessage="1""#
            + #" errorTitle="\#(attribute(validation.errorTitle, 32))" error="\#(attribute(validation.error, 225))""#
            + #" promptTitle="\#(attribute(validation.promptTitle, 32))" prompt="\#(attribute(validation.prompt, 255))""#
            + #" sqref="\#(validation.range.reference)">\#(formulas)</dataValidation>"#
    }

    /// Numbers without a trailing `.0`, in the C locale.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// The workbook's shared strings, numbered in order of first use.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var strings: [String] = []
    private var uses = 0

    mutating func index(_ text: String) -> Int {
        uses += 1
        if let index = indexes[text] { return index }
        indexes[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    var xml: String {
        var out = XLSXWriter.declaration + #"<sst xmlns="\#(XLSXWriter.mainNamespace)" count="\#(uses)" uniqueCount="\#(strings.count)">"#
        for text in strings {
            let encoded = XMLText.escape(XMLText.encodeCellText(text))
            let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
            out += "<si><t" + (preserve ? #" xml:space="preserve""# : "") + ">\(encoded)</t></si>"
        }
        return out + "</sst>"
    }
}
