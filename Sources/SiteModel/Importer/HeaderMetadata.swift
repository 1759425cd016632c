import Foundation

/// The metadata box a government website prints above a disclosed document,
/// as it arrives: pasted with the text (`索引号：…	主题分类：…`, pairs apart by
/// tabs, runs of spaces or one space, `•发文字号：…` bulleted, a label on one
/// line and its value on the next), or read from the page's table or list.
/// Labels it knows fill the plan's fields; any other label (`公开主体`,
/// `生效日期`) is kept as an extra row of the plan's disclosure box.
enum HeaderMetadata {
    enum Field: Equatable {
        case indexNumber, category, issuer, docNumber, issued, published, disclosure
        /// 有效性: computed at the build date, read only when it says the plan no longer applies.
        case validity
        /// A label gen-site has no field for (公开主体, 生效日期…): an extra row of the box.
        case other(String)
    }

    static let labels: [(names: [String], field: Field)] = [
        (["索引号", "信息索引号", "索取号"], .indexNumber),
        (["主题分类", "信息分类", "分类"], .category),
        (["发布机构", "发文机关", "发文单位", "发布单位", "发文机构", "制发机关", "发文机关名称"], .issuer),
        (["文号", "发文字号", "发文文号", "文件编号", "文件字号"], .docNumber),
        (["成文日期", "发文日期", "印发日期", "成文时间"], .issued),
        (["发布日期", "公开日期", "生成日期", "公布日期", "发布时间", "公开时间"], .published),
        (["公开方式", "公开属性", "公开形式", "信息公开形式"], .disclosure),
        (["有效性", "是否有效", "效力状态", "时效"], .validity),
    ]

    /// Labels gen-site has no field for but that boxes print; any other short label with a colon
    /// after a known one is read too.
    static let otherLabels = ["浏览次数", "访问次数", "访问量", "阅读次数", "点击数", "点击量", "浏览量", "阅读量", "公开类别", "公开主体", "公开范围", "公开时限", "体裁分类", "组配分类", "服务对象", "关键词", "主题词",
                              "生效日期", "失效日期", "废止日期", "实施日期", "施行日期", "有效期", "来源", "信息来源", "文种", "发文字号类别",
                              "统一编号", "登记号", "签发人", "责任部门", "联系方式"]

    static func field(for label: String) -> Field? {
        let name = HeaderMetadata.withoutBullet(label).filter { !$0.isWhitespace && $0 != "：" && $0 != ":" }
        for entry in labels where entry.names.contains(name) { return entry.field }
        return otherLabels.contains(name) ? .other(name) : nil
    }

    /// Bullets and list marks a box prints before a label: `•发文字号：…`, `· 索引号：…`.
    static let bullets: Set<Character> = ["•", "·", "●", "○", "◆", "◇", "■", "□", "▪", "▶", "►", "*", "-", "－", "★", "☆", "・"]

    static func withoutBullet(_ text: String) -> String {
        String(text.drop { bullets.contains($0) || $0.isWhitespace })
    }

    /// The label–value pairs of one raw line, labels as written; empty when the line does not start
    /// with a label gen-site knows.
    static func labelledPairs(in raw: String) -> [(label: String, value: String)] {
        let segments = self.segments(raw).flatMap(splitAtLabels).map(withoutBullet).filter { !$0.isEmpty }
        var pairs: [(label: String, value: String)] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if let (label, value) = labelled(segment, first: pairs.isEmpty) {
                pairs.append((label, value))
            } else if let label = bareLabel(segment, first: pairs.isEmpty), index + 1 < segments.count,
                      bareLabel(segments[index + 1], first: false) == nil, labelled(segments[index + 1], first: false) == nil {
                // `发布机构	某某街道办事处`: the label in one cell, the value in the next.
                pairs.append((label, segments[index + 1]))
                index += 1
            } else if let label = bareLabel(segment, first: pairs.isEmpty) {
                pairs.append((label, ""))
            } else if pairs.isEmpty {
                return []
            } else {
                // A value that went on past a separator.
                pairs[pairs.count - 1].value += (pairs[pairs.count - 1].value.isEmpty ? "" : " ") + segment
            }
            index += 1
        }
        return pairs
    }

    /// A page's counters (`浏览次数：321`): read as part of the box, kept nowhere.
    static let counters: Set<String> = ["浏览次数", "访问次数", "访问量", "阅读次数", "点击数", "点击量", "浏览量", "阅读量"]

    /// The pairs of one raw line with their fields (a counter's left out).
    static func pairs(in raw: String) -> [(field: Field, value: String)] {
        let found = labelledPairs(in: raw)
        let kept = found.filter { !counters.contains($0.label.filter { !$0.isWhitespace }) }
        // A line of counters only is still the box's: one empty pair says so.
        if kept.isEmpty, !found.isEmpty { return [(.other(""), "")] }
        return kept.map { pair in (field(for: pair.label, value: pair.value), pair.value) }
    }

    /// A label's field, also for a label that names it only with some values: `公开类别：主动公开` is the
    /// 公开方式 (another 公开类别, such as 政策文件, is an extra row).
    static func field(for label: String, value: String) -> Field {
        let found = field(for: label) ?? .other(label)
        if case .other(let name) = found, name == "公开类别",
           ["主动公开", "依申请公开", "不予公开"].contains(value.filter { !$0.isWhitespace }) { return .disclosure }
        return found
    }

    /// A box printed as a table (`索引号 | X | 主题分类 | Y`): its pairs, when two of its labels are known
    /// and nothing else is in it.
    static func pairs(in table: ImportDocument.Table) -> [ImportDocument.Pair] {
        var out: [ImportDocument.Pair] = []
        for row in table.rows {
            let raw = row.filter { !$0.isCopy }.map { AttachmentTable.text($0).replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t")
            guard !raw.allSatisfy({ $0.isWhitespace }) else { continue }
            let found = labelledPairs(in: raw)
            guard !found.isEmpty else { return [] }
            out += found.map { ImportDocument.Pair(label: $0.label, value: $0.value, line: row.first?.line ?? table.line) }
        }
        let known = out.filter { if case .other = field(for: $0.label) ?? .other("") { return false }; return true }
        return known.count >= 2 ? out : []
    }

    /// `主题分类：安全生产` → `主题分类` and `安全生产`. A label gen-site does not know is read when it
    /// is short and not the line's first (the line must start with a known one).
    static func labelled(_ segment: String, first: Bool) -> (String, String)? {
        guard let colon = segment.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = String(segment[..<colon]).trimmingCharacters(in: .whitespaces)
        guard field(for: label) != nil || (!first && isLabelLike(label)) else { return nil }
        return (label, String(segment[segment.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
    }

    /// A segment that is only a label (`发布机构`, `成文日期：`).
    static func bareLabel(_ segment: String, first: Bool) -> String? {
        let label = segment.trimmingCharacters(in: CharacterSet(charactersIn: "：: \u{3000}"))
        guard !label.isEmpty else { return nil }
        if field(for: label) != nil { return label }
        return !first && (segment.hasSuffix("：") || segment.hasSuffix(":")) && isLabelLike(label) ? label : nil
    }

    /// Two to eight Chinese characters, no punctuation: what a box's labels look like.
    static func isLabelLike(_ label: String) -> Bool {
        (2...8).contains(label.count) && label.allSatisfy(ImportText.isCJK)
    }

    /// `索引号：123 主题分类：安全生产`: a segment cut where a label with its colon follows a space.
    static func splitAtLabels(_ segment: String) -> [String] {
        let chars = Array(segment)
        var cuts: [Int] = []
        for index in chars.indices where index > 0 && (chars[index - 1] == " " || chars[index - 1] == "\u{3000}") {
            var end = index
            while end < chars.count, ImportText.isCJK(chars[end]) || bullets.contains(chars[end]) { end += 1 }
            guard end < chars.count, chars[end] == "：" || chars[end] == ":" else { continue }
            let label = withoutBullet(String(chars[index..<end]))
            if field(for: label) != nil { cuts.append(index) }
        }
        guard !cuts.isEmpty else { return [segment] }
        var out: [String] = []
        var start = 0
        for cut in cuts + [chars.count] {
            let piece = String(chars[start..<cut]).trimmingCharacters(in: .whitespaces)
            if !piece.isEmpty { out.append(piece) }
            start = cut
        }
        return out
    }

    /// Splits at tabs and at runs of two or more spaces (ASCII or full-width).
    static func segments(_ raw: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var spaces = 0
        func flush() {
            let text = current.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { segments.append(text) }
            current = ""
        }
        for c in raw.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r", with: "") {
            if c == "\t" { flush(); spaces = 0; continue }
            if c == " " || c == "\u{3000}" || c == "\u{00A0}" {
                spaces += c == "\u{3000}" ? 2 : 1
                current.append(" ")
                continue
            }
            if spaces >= 2 { flush() }
            spaces = 0
            current.append(c)
        }
        flush()
        return segments
    }
}

extension ImportDocument {
    /// A line that reads as a metadata box's (`索引号：…`, `发布机构：…`): a reader may keep it with the document.
    public static func isMetadataLine(_ raw: String) -> Bool { !HeaderMetadata.pairs(in: raw).isEmpty && HeaderMetadata.labelledPairs(in: raw).contains { HeaderMetadata.field(for: $0.label) != nil } }

    /// A table that is a metadata box (two labels gen-site knows, nothing else).
    public static func isMetadataBox(_ table: Table) -> Bool { !HeaderMetadata.pairs(in: table).isEmpty }
}
