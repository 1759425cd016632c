import Foundation
import Testing
import TestSupport
@testable import ImportReaders
@testable import SiteModel

/// libxml2 reading web pages into the document model.
@Suite struct HTMLReaderTests {
    func lines(_ document: ImportDocument) -> [String] {
        document.blocks.compactMap { if case .text(let line) = $0 { line.text } else { nil } }
    }

    func tables(_ document: ImportDocument) -> [ImportDocument.Table] {
        document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    @Test func thePortalPageKeepsTheDocumentAndLeavesThePageOut() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.fixture("import/lvxiang-2024-2026-portal.html")))
        let document = try HTMLReader.read(data)
        let text = lines(document)
        #expect(text.first == "吕巷镇安全生产治本攻坚三年行动实施方案（2024—2026年）", "the page's heading, then the article: \(text.prefix(3))")
        #expect(tables(document).count == 1 && ImportDocument.isMetadataBox(tables(document)[0]), "the metadata table, above the heading")
        #expect(!text.contains { $0.contains("网站标识码") || $0.contains("互动交流") || $0.contains("搜索") }, "no header, navigation or footer")
        #expect(!text.contains { $0.hasPrefix("当前位置") }, "the breadcrumb is above the box: outside the document")
        #expect(text.contains("镇安委会各成员单位、各村（居）："))
        #expect(text.contains { $0.hasPrefix("6. 推进安全风险防范综合整治。") && $0.contains("（牵头部门：镇安委办；配合部门：") },
                "<b> inside a paragraph is its text")
        #expect(document.links.map(\.href) == ["/upload/2024/lvxiang-2024-2026.pdf"])
        #expect(document.leftOut.count == 1)
        // Positions are 1, 2, 3 …; the report names the page's lines.
        #expect(document.place(1).hasPrefix("line ") && document.sourceLines.count == document.blocks.count)
    }

    @Test func tablesWithMergedCellsAndLinesInACell() throws {
        let page = """
            <html><head><meta charset="utf-8"></head><body>
            <div id="article">
            <p>一、重点任务</p>
            <table>
            <tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>
            <tr><td colspan="4">一、压实责任</td></tr>
            <tr><td>1</td><td>开展<b>消防</b>检查</td><td rowspan="2">城运中心</td><td>镇安办<br>派出所</td></tr>
            <tr><td>2</td><td><p>开展燃气排查</p><p>建立台账</p></td><td>市场监管所</td></tr>
            </table>
            <p>二、保障措施</p><p>加强组织领导，确保各项任务落到实处，不断提升全镇安全生产水平。</p>
            </div></body></html>
            """
        let document = try HTMLReader.read(Data(page.utf8))
        let table = try #require(tables(document).first)
        #expect(table.rows.count == 4)
        #expect(table.rows[1].map(\.lines) == Array(repeating: ["一、压实责任"], count: 4) && table.rows[1].dropFirst().allSatisfy(\.isCopy),
                "a cell across the row is in every column, copies after the first")
        #expect(table.rows[2].map(\.lines) == [["1"], ["开展消防检查"], ["城运中心"], ["镇安办", "派出所"]], "two units on two lines of one cell")
        #expect(table.rows[3][2].lines == ["城运中心"] && table.rows[3][2].isCopy, "a cell merged down two rows")
        #expect(table.rows[3][1].lines == ["开展燃气排查", "建立台账"])
        #expect(lines(document) == ["一、重点任务", "二、保障措施", "加强组织领导，确保各项任务落到实处，不断提升全镇安全生产水平。"], "the text after the table")
    }

    @Test func aPageInGBKAndAHiddenBlock() throws {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
            + "<div style=\"display:none\">隐藏的菜单</div><div><p>某镇2025年安全生产工作要点</p><p>一、总体要求</p><p>全年不发生较大事故。</p></div></body></html>"
        let folder = try Fixture.temporaryFolder()
        try Data(page.utf8).write(to: URL(fileURLWithPath: folder + "/utf8.html"))
        let iconv = try CommandRunner.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030", "-o", folder + "/gbk.html", folder + "/utf8.html"])
        #expect(iconv.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/gbk.html"))
        #expect(String(data: data, encoding: .utf8) == nil, "the page is not UTF-8")
        let document = try HTMLReader.read(data)
        #expect(lines(document) == ["某镇2025年安全生产工作要点", "一、总体要求", "全年不发生较大事故。"])
    }

    @Test func aPageThatIsNotHTMLIsRefusedOrEmpty() throws {
        let document = try HTMLReader.read(Data("just some words".utf8))
        #expect(lines(document) == ["just some words"])
        #expect(throws: DocumentReader.Failure.self) { try HTMLReader.read(Data()) }
    }
}
