import Foundation

/// The line-level rules of the importer: how a published plan's plain text
/// is cleaned of conversion debris, and what each line is.
enum ImportText {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// What a (cleaned) line is in the plan's outline.
    enum Kind: Equatable {
        /// 一、… a chapter.
        case chapter
        /// （一）… a section.
        case section
        /// 1. or 1、 a numbered task, with its number.
        case item(Int)
        /// A trailing unit bracket on its own line: （责任单位：…）, （A、B）.
        case units
        case text
        /// A table of the document (its index), between the lines (never what `kind(_:)` returns).
        case table(Int)
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Characters across which a space is debris (CJK text and its punctuation).
    static func isTight(_ c: Character) -> Bool {
        isCJK(c) || "（）〔〕、，。：；“”《》！？".contains(c)
    }

    /// Removes bold markers, HTML fragments, converter words and the spaces
    /// that page layout leaves between Chinese characters and digits.
    static func clean(_ raw: String) -> String {
        var line = raw.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\u{FEFF}", with: "")
            .replacingOccurrences(of: "\r", with: "")
        for fragment in ["<p>", "</p>", "<br>", "<br/>"] { line = line.replacingOccurrences(of: fragment, with: "") }
        line = line.replacingOccurrences(of: "\u{3000}", with: " ")
        line = replaceWord("etc", with: "等", in: line)
        let characters = Array(line)
        var out = ""
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if c == " " || c == "\t" {
                var end = index
                while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
                let before = out.last, after = end < characters.count ? characters[end] : nil
                if let before, let after,
                   (isTight(before) && isTight(after)) || (before.isNumber && isCJK(after)) || (isCJK(before) && after.isNumber) {
                    index = end
                    continue
                }
                out.append(" ")
                index = end
                continue
            }
            out.append(c)
            index += 1
        }
        return fullWidthNumbering(out.trimmingCharacters(in: .whitespaces))
    }

    /// `(四)监管能力提升` / `(1)核查…` → `（四）…` / `（1）…`: a half-width bracket around the
    /// number that starts a line (text pasted from a PDF) becomes the full-width one.
    static func fullWidthNumbering(_ line: String) -> String {
        guard line.first == "(" else { return line }
        let chars = Array(line)
        var j = 1
        while j < chars.count, chineseNumerals.contains(chars[j]) || (chars[j].isASCII && chars[j].isNumber) { j += 1 }
        guard j > 1, j <= 4, j < chars.count, chars[j] == ")" || chars[j] == "）" else { return line }
        return "（" + String(chars[1..<j]) + "）" + String(chars[(j + 1)...])
    }

    /// Page-break debris: a page number on its own line (`- 3 -`, `— 3 —`, `第 2 页 共 5 页`,
    /// `共5页 第2页`, `2/5`), already cleaned. `loneNumbers` also takes a bare `3`
    /// (in the text, where no line is only a number; not in a table, where a row may start so).
    static func isPageDebris(_ line: String, loneNumbers: Bool = true) -> Bool {
        let text = line.filter { !$0.isWhitespace }
        guard !text.isEmpty, text.count <= 16 else { return false }
        func isDigits(_ s: Substring) -> Bool { !s.isEmpty && s.count <= 4 && s.allSatisfy { $0.isASCII && $0.isNumber } }
        if loneNumbers, text.count <= 3, isDigits(Substring(text)) { return true }
        let dashes: Set<Character> = ["-", "—", "–", "－", "―"]
        if let first = text.first, let last = text.last, dashes.contains(first), dashes.contains(last) {
            let inner = text.drop { dashes.contains($0) }.reversed().drop { dashes.contains($0) }
            return isDigits(Substring(String(inner.reversed())))
        }
        // 2/5
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, isDigits(parts[0]), isDigits(parts[1]) { return true }
        // 第2页共5页 · 第2页 · 共5页第2页 · 第2页/共5页
        var rest = Substring(text)
        var pages = 0
        while !rest.isEmpty {
            if rest.hasPrefix("/") || rest.hasPrefix("，") || rest.hasPrefix(",") { rest = rest.dropFirst(); continue }
            guard let marker = rest.first, marker == "第" || marker == "共" else { return false }
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard isDigits(digits) else { return false }
            rest = rest.dropFirst(1 + digits.count)
            guard rest.first == "页" else { return false }
            rest = rest.dropFirst()
            pages += 1
        }
        return pages > 0
    }

    /// A web page's furniture around a document: the breadcrumb (`当前位置：首页 > 政务公开 > …`), the
    /// print, close and share buttons, the font-size switch, the visit counter. Not the document's text.
    static func isPageFurniture(_ line: String) -> Bool {
        let text = line.filter { !$0.isWhitespace }
        if ["当前位置", "您的位置", "您现在的位置", "你的位置", "现在位置", "所在位置"].contains(where: { text.hasPrefix($0) }) { return true }
        if text.contains("首页"), text.contains(">") || text.contains("＞") || text.contains("»") || text.contains("›") { return true }
        if text.hasPrefix("分享到"), text.count <= 40 { return true }
        let buttons = ["【打印本页】", "【关闭窗口】", "【打印】", "【关闭】", "【收藏】", "【返回顶部】", "[打印本页]", "[关闭窗口]", "[打印]", "[关闭]",
                       "打印本页", "关闭窗口", "打印", "关闭", "收藏", "返回顶部", "分享到：", "分享到:", "分享到", "扫一扫在手机打开当前页",
                       "扫一扫在手机上查看当前页面", "字号：", "字号:", "字体：", "字体:", "大", "中", "小", "【大中小】", "[大中小]", "默认", "|", "｜"]
        var rest = Substring(text)
        var matched = false
        while !rest.isEmpty {
            guard let button = buttons.sorted(by: { $0.count > $1.count }).first(where: { rest.hasPrefix($0) }) else { break }
            rest = rest.dropFirst(button.count)
            matched = true
        }
        if matched, rest.isEmpty { return true }
        // `浏览次数：123`, `访问量：45`
        for counter in ["浏览次数", "访问次数", "访问量", "阅读次数", "点击数", "点击量", "浏览量"] where text.hasPrefix(counter) {
            return text.dropFirst(counter.count).drop { $0 == "：" || $0 == ":" }.allSatisfy(\.isNumber)
        }
        return false
    }

    /// `word` as a whole ASCII word replaced.
    static func replaceWord(_ word: String, with replacement: String, in text: String) -> String {
        guard text.contains(word) else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: word) {
            let before = rest[rest.startIndex..<range.lowerBound].last
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : nil
            let isWord = !(before?.isLetter == true && before?.isASCII == true) && !(after?.isLetter == true && after?.isASCII == true)
            out += rest[rest.startIndex..<range.lowerBound]
            out += isWord ? replacement : word
            rest = rest[range.upperBound...]
            if isWord, out.hasSuffix(" " + replacement) { out.remove(at: out.index(out.endIndex, offsetBy: -replacement.count - 1)) }
        }
        return out + rest
    }

    static func kind(_ line: String) -> Kind {
        let chars = Array(line)
        // 一、 二、 … 十一、
        var i = 0
        while i < chars.count, chineseNumerals.contains(chars[i]) { i += 1 }
        if i > 0, i < chars.count, chars[i] == "、" { return .chapter }
        // 一．总体要求 / 一. 总体要求 (a converter's dot), followed by text
        if i > 0, i + 1 < chars.count, chars[i] == "．" || chars[i] == ".", !(chars[i + 1].isASCII && chars[i + 1].isNumber) { return .chapter }
        // （一） （十二）
        if chars.first == "（" {
            var j = 1
            while j < chars.count, chineseNumerals.contains(chars[j]) { j += 1 }
            if j > 1, j < chars.count, chars[j] == "）" { return .section }
        }
        if let first = chars.first, UnitBrackets.openings.contains(first), UnitBrackets.isUnitBracketLine(line) { return .units }
        // 12. 12、 12．
        var k = 0
        while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
        if k > 0, k <= 3, k < chars.count, [".", "、", "．"].contains(chars[k]),
           let number = Int(String(chars[0..<k])), number > 0 {
            // "2022. " is a year, not a task; a task number is followed by text —
            // not by a digit: a line broken before `1.5米` continues a sentence.
            if k + 1 < chars.count, !(chars[k + 1].isASCII && chars[k + 1].isNumber) { return .item(number) }
        }
        return .text
    }

    /// Ends a sentence: a line ending so is not continued on the next line.
    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return true }
        return "。！？；：”）)》".contains(last)
    }
}
