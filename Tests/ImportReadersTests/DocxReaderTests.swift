import Foundation
import Testing
import TestSupport
import ZIPFoundation
@testable import ImportReaders
@testable import SiteModel

/// Word files, made in the test from their XML parts, so that each shape is visible here.
@Suite struct DocxReaderTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""

    /// A .docx holding `body` (the inside of <w:body>) and, when given, numbering.xml and styles.xml.
    static func docx(_ body: String, numbering: String? = nil, styles: String? = nil) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var parts = ["[Content_Types].xml": "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                     "word/document.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"]
        if let numbering { parts["word/numbering.xml"] = "<?xml version=\"1.0\"?><w:numbering \(w)>\(numbering)</w:numbering>" }
        if let styles { parts["word/styles.xml"] = "<?xml version=\"1.0\"?><w:styles \(w)>\(styles)</w:styles>" }
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func p(_ text: String, props: String = "") -> String {
        "<w:p><w:pPr>\(props)</w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    func lines(_ document: ImportDocument) -> [String] {
        document.blocks.compactMap { if case .text(let line) = $0 { line.text } else { nil } }
    }

    @Test func paragraphsWithWordsListNumbers() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        func numbered(_ text: String, _ level: Int) -> String {
            Self.p(text, props: "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"1\"/></w:numPr>")
        }
        let body = Self.p("某镇2025年安全生产工作要点") + numbered("总体要求", 0) + Self.p("全年不发生较大事故。") + numbered("重点任务", 0)
            + numbered("压实责任", 1) + numbered("召开全体会议。", 2) + numbered("签订责任书。", 2) + numbered("隐患治理", 1) + numbered("开展排查。", 2)
            + numbered("保障措施", 0)
        let document = try DocxReader.read(try Self.docx(body, numbering: numbering))
        #expect(lines(document) == ["某镇2025年安全生产工作要点", "一、总体要求", "全年不发生较大事故。", "二、重点任务", "（一）压实责任", "1.召开全体会议。",
                                    "2.签订责任书。", "（二）隐患治理", "1.开展排查。", "三、保障措施"],
                "each level counts on, a deeper one starts again under it")
        #expect(document.positionName == "paragraph")
    }

    @Test func tablesWithMergedCells() throws {
        func cell(_ text: String, _ props: String = "") -> String { "<w:tc><w:tcPr>\(props)</w:tcPr>\(Self.p(text))</w:tc>" }
        let twoLines = "<w:tc>\(Self.p("镇安办"))\(Self.p("派出所"))</w:tc>"
        let table = "<w:tbl>"
            + "<w:tr>" + cell("序号") + cell("重点任务") + cell("牵头单位") + cell("配合单位") + "</w:tr>"
            + "<w:tr>" + cell("一、压实责任", "<w:gridSpan w:val=\"4\"/>") + "</w:tr>"
            + "<w:tr>" + cell("1") + cell("开展消防检查") + cell("城运中心", "<w:vMerge w:val=\"restart\"/>") + twoLines + "</w:tr>"
            + "<w:tr>" + cell("2") + cell("开展燃气排查") + "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" + cell("市场监管所") + "</w:tr>"
            + "</w:tbl>"
        let document = try DocxReader.read(try Self.docx(Self.p("二、重点任务") + table + Self.p("三、保障措施")))
        #expect(lines(document) == ["二、重点任务", "三、保障措施"])
        let found = document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        let rows = try #require(found.first?.rows)
        #expect(rows[1].map(\.lines) == Array(repeating: ["一、压实责任"], count: 4), "a cell across the row")
        #expect(rows[2].map(\.lines) == [["1"], ["开展消防检查"], ["城运中心"], ["镇安办", "派出所"]])
        #expect(rows[3][2].lines == ["城运中心"] && rows[3][2].isCopy, "merged down from the row above")
        // The table stands between its paragraphs, in reading order.
        #expect(document.blocks.map(\.line) == document.blocks.map(\.line).sorted())
    }

    @Test func aTextBoxDeletedTextAndHeadings() throws {
        let redHead = """
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>\(Self.p("某某镇人民政府文件"))</w:txbxContent></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><w:txbxContent>\(Self.p("某某镇人民政府文件"))</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """
        let edited = "<w:p><w:r><w:t>开展</w:t></w:r><w:del><w:r><w:delText>全面</w:delText></w:r></w:del><w:ins><w:r><w:t>专项</w:t></w:r></w:ins>"
            + "<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>检查。</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"
        let styles = "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 1\"/></w:style>"
        let broken = "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"
        let body = redHead + Self.p("某府发〔2025〕1号") + Self.p("保障措施", props: "<w:pStyle w:val=\"2\"/>") + edited + broken
        let document = try DocxReader.read(try Self.docx(body, styles: styles))
        #expect(lines(document) == ["某某镇人民政府文件", "某府发〔2025〕1号", "保障措施", "开展专项检查。", "第一行", "第二行"],
                "the text box once (not its fallback copy); no deleted text, field code or hidden text; a line break")
        let roles = document.blocks.compactMap { if case .text(let line) = $0 { line.role } else { nil } }
        #expect(roles == [.paragraph, .paragraph, .heading, .paragraph, .line, .paragraph])
    }

    @Test func whatIsNotAWordFile() throws {
        #expect(throws: DocumentReader.Failure.self) { try DocxReader.read(Data("not a zip".utf8)) }
        let archive = try Archive(accessMode: .create)
        let data = Data("x".utf8)
        try archive.addEntry(with: "other.txt", type: .file, uncompressedSize: Int64(1)) { _, _ in data }
        #expect(throws: DocumentReader.Failure.self) { try DocxReader.read(try #require(archive.data)) }
    }

    @Test func numbersAsWordWritesThem() {
        #expect(WordNumbering.chinese(1) == "一" && WordNumbering.chinese(10) == "十" && WordNumbering.chinese(12) == "十二" && WordNumbering.chinese(20) == "二十")
        #expect(WordNumbering.format(3, "decimalEnclosedCircle") == "③")
        #expect(WordNumbering.format(12, "decimalFullWidth") == "１２")
        #expect(WordNumbering.format(4, "upperRoman") == "IV" && WordNumbering.format(2, "ideographTraditional") == "乙")
    }
}
