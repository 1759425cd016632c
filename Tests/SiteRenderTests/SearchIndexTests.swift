import Foundation
import Testing
@testable import SiteRender

/// The pieces of the search index on small inputs (the whole index is tested on the
/// example site by GenSiteTests/SearchTests, with the page's own script).
@Suite struct SearchIndexTests {
    func document(_ html: String) -> SearchDocument? {
        SearchDocument(html: Array(html.utf8))
    }

    @Test func readsTheVisibleTextOfMainInBlocksAndFields() throws {
        let page = try #require(document("""
            <html><body><nav>菜单 outside</nav>
            <main id="main"><nav class="breadcrumbs" data-search-ignore><ol><li><a href="/">首页</a></li></ol></nav>
            <p class="notice" data-search-ignore>示例数据</p>
            <article><h1>任务 7：<span>深化</span>消防安全</h1>
            <p>所属方案：<a href="../">吕巷镇</a>2024&amp;&lt;年&gt;&#12345;&#x4E00;&nbsp;x</p>
            <svg role="img"><title>图表标题</title><text>42</text></svg>
            <h2 id="a">落实<em>情况</em></h2><table><tr><th>序号</th><td>重点任务</td></tr></table>
            <blockquote>引用</blockquote>line<br>break<script>var x = "<p>脚本</p>";</script>
            <!-- 注释 <p>hidden</p> --><div data-search-ignore><div>嵌套<div>忽略</div></div>仍忽略</div>之后
            <FIGCAPTION>大写</FIGCAPTION><templatex>自定义</templatex>元素
            </article></main><footer>页脚</footer></body></html>
            """))
        #expect(page.title == "任务 7：深化消防安全")
        #expect(page.blocks.filter { $0.field == .heading }.map(\.text) == ["落实情况"])
        #expect(page.blocks.filter { $0.field == .body }.map(\.text) == [
            "所属方案：吕巷镇2024&<年>〹一\u{A0}x", "序号", "重点任务", "引用", "line", "break", "之后", "大写", "自定义元素",
        ])
        #expect(!page.text.contains("菜单") && !page.text.contains("首页") && !page.text.contains("示例数据"))
        #expect(!page.text.contains("图表") && !page.text.contains("脚本") && !page.text.contains("注释") && !page.text.contains("忽略"))
        #expect(document("<html><body><p>no main</p></body></html>") == nil)
    }

    @Test func foldsClassifiesAndStemsAsTheScriptDoes() {
        #expect(SearchCharacters.fold(0x41) == 0x61)          // A → a
        #expect(SearchCharacters.fold(0xFF21) == 0x61)        // Ａ → a
        #expect(SearchCharacters.fold(0xFF11) == 0x31)        // １ → 1
        #expect(SearchCharacters.fold(0xFF08) == 0xFF08)      // （ stays
        #expect(SearchCharacters.kind(0x71C3) == .character)  // 燃
        #expect(SearchCharacters.kind(0xFF0C) == .character)  // ，
        #expect(SearchCharacters.kind(0x2014) == .character)  // —
        #expect(SearchCharacters.kind(0x3000) == .separator)  // ideographic space
        #expect(SearchCharacters.kind(0x2C) == .separator)    // ,
        #expect(SearchCharacters.kind(0xB7) == .separator)    // ·
        #expect(SearchCharacters.kind(0xE9) == .word)         // é
        #expect(["fires", "hazards", "inspections", "classes", "companies", "gas", "is", "glass"].map(SearchCharacters.stem)
                == ["fire", "hazard", "inspection", "class", "compani", "ga", "is", "glass"])
    }

    @Test func numbersAndHashesAreThoseTheScriptReads() {
        var out: [UInt8] = []
        for n in [0, 31, 32, 1023, 1024, 1_000_000] { SearchEncoding.append(n, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "0" + "V" + "W1" + "_V" + "WW1" + "WomU")
        #expect(SearchEncoding.hash("") == 0x811C_9DC5)
        #expect(SearchEncoding.hash("a") == 0xE40C_292C)   // FNV-1a of "a"
    }

    @Test func positionsCountIndexedCharactersWithAGapBetweenRuns() {
        let page = SearchDocument(blocks: [.init(field: .title, text: "燃气"), .init(field: .body, text: "燃气 a 燃气管道"),
                                           .init(field: .body, text: "Fire fires")])
        var unigrams: [UInt64] = [], bigrams: [(UInt64, UInt32)] = [], words: [String: UInt8] = [:]
        SearchIndexWriter.tokenize(page, unigrams: &unigrams, bigrams: &bigrams, words: &words)
        let key = SearchIndexWriter.bigramKey(0x71C3, 0x6C14)   // 燃气
        let positions = bigrams.filter { $0.0 == key }.map { ($0.1 >> 30, $0.1 & 0x3FFF_FFFF) }
        #expect(positions.map(\.0) == [0, 2, 2])           // title, body, body
        #expect(positions.map(\.1) == [0, 0, 3])           // 燃气 | gap | 燃气管道
        #expect(words == ["a": 4, "fire": 4])
    }
}
